# Autorisaties API 1.0.0: /applicaties (list, create, read, update,
# partial update, delete), /applicaties/consumer, the rules ac-001..ac-003,
# scopes, content types, 405s and the notification outbox.
#
# Conventions of this file
#
# * Every block starts from a known database: `--- init` calls main::seed(),
#   which empties the module's tables and creates the superuser client
#   "super" (and, with clients => 1, the clients "lezer" with only
#   autorisaties.lezen and "schrijver" with only autorisaties.bijwerken).
#   These clients always get the same uuids, secrets and autorisaties, so a
#   worker's auth cache can never hold anything that differs from the
#   database.  Fixture applicaties are inserted with main::app() (or
#   main::zrc_app()) under fixed uuids 11111111-1111-4111-8111-00000000000N
#   (N = 1..4) so blocks can address them; ...-000000000009 never exists.
# * main::hdr(WHO, EXTRA...) gives the request headers: a bearer token for
#   WHO, an explicit "Host: localhost" (so rendered URLs are
#   http://localhost/... with both runners) and any extra header lines.
# * Database state after a request (notification outbox, autorisatie rows,
#   JWT secrets) is checked with the sections
#
#       --- sql_check       SQL, run right after the response arrived
#       --- sql_check_out   the expected psql -A -t output ("|" between
#                           columns, one line per row)
#
#   Both may be `eval` arrays with one entry per request of the block.
#
#   implemented in OZ::Test with the public add_response_body_check(), so
#   they are ordinary Test::More assertions (one per response) and work the
#   same under the real Test::Nginx::Socket.  This was chosen over a `--- init`
#   that dies (which aborts the file instead of failing one test) and over
#   checks spread across two blocks (which breaks `--- ONLY`).  The module
#   answers after its transaction committed, so the state is final then.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();
oz_setup(apis => ['autorisaties']);

our %UUID = (
    super     => 'aaaaaaaa-0000-4000-8000-000000000001',
    lezer     => 'aaaaaaaa-0000-4000-8000-000000000002',
    schrijver => 'aaaaaaaa-0000-4000-8000-000000000003',
);

our %SECRET = (
    super     => 's3cret',
    lezer     => 'lezer-secret',
    schrijver => 'schrijver-secret',
);

sub main::seed {
    my (%o) = @_;
    OZ::Test::oz_reset();
    OZ::Test::oz_client(client_id => 'super', secret => $SECRET{super},
                        uuid => $UUID{super}, label => 'Superuser',
                        heeft_alle => 1);
    if ($o{clients}) {
        OZ::Test::oz_client(client_id => 'lezer', secret => $SECRET{lezer},
            uuid => $UUID{lezer}, label => 'Lezer', heeft_alle => 0,
            autorisaties => [{ component => 'ac',
                               scopes => ['autorisaties.lezen'] }]);
        OZ::Test::oz_client(client_id => 'schrijver',
            secret => $SECRET{schrijver}, uuid => $UUID{schrijver},
            label => 'Schrijver', heeft_alle => 0,
            autorisaties => [{ component => 'ac',
                               scopes => ['autorisaties.bijwerken'] }]);
    }
    return;
}

# main::app(uuid => U1, label => 'x', client_ids => [...], alle => 0|1,
#           autorisaties => [{component, scopes => [...], zaaktype,
#                             informatieobjecttype, besluittype, max_va}])
# An applicatie without a JWT secret (the client_id rows come from the
# trigger).
sub main::app {
    my (%a) = @_;
    my $q = \&OZ::Test::oz_quote;
    my $sql = sprintf(
        "INSERT INTO autorisaties.applicatie (uuid, client_ids, label,"
        . " heeft_alle_autorisaties) VALUES (%s, ARRAY[%s]::text[], %s, %s);\n",
        $q->($a{uuid}), join(',', map { $q->($_) } @{ $a{client_ids} || [] }),
        $q->($a{label}), $a{alle} ? 'true' : 'false');
    my $pos = 0;
    for my $x (@{ $a{autorisaties} || [] }) {
        $sql .= sprintf(
            "INSERT INTO autorisaties.autorisatie (applicatie_uuid, position,"
            . " component, scopes, zaaktype, informatieobjecttype, besluittype,"
            . " max_vertrouwelijkheidaanduiding) VALUES"
            . " (%s, %d, %s, ARRAY[%s]::text[], %s, %s, %s, %s);\n",
            $q->($a{uuid}), $pos++, $q->($x->{component}),
            join(',', map { $q->($_) } @{ $x->{scopes} || [] }),
            $q->($x->{zaaktype}), $q->($x->{informatieobjecttype}),
            $q->($x->{besluittype}), $q->($x->{max_va}));
    }
    OZ::Test::oz_psql($sql);
    return;
}

# An applicatie with one zrc autorisatie (ZT1, beperkt_openbaar).
sub main::zrc_app {
    my ($uuid, $label, @ids) = @_;
    main::app(uuid => $uuid, label => $label, client_ids => \@ids,
              autorisaties => [{ component => 'zrc',
                                 scopes => ['zaken.lezen'],
                                 zaaktype => 'https://ztc.example/zaaktypen/1',
                                 max_va => 'beperkt_openbaar' }]);
}

sub main::hdr {
    my ($who, @extra) = @_;
    my @h;
    push @h, OZ::Test::oz_bearer(client_id => $who,
                                 secret => $SECRET{$who} // 'unknown')
        if defined $who;
    push @h, 'Host: localhost', @extra;
    return join("\n", @h) . "\n";
}

sub main::hdr_json {
    my ($who, @extra) = @_;
    return main::hdr($who, 'Content-Type: application/json', @extra);
}

# No error or alert may be logged by default.
add_block_preprocessor(sub {
    my ($block) = @_;
    $block->set_value(no_error_log => "[error]\n[alert]\n[emerg]")
        unless defined $block->no_error_log;
});

run_tests();

__DATA__

=== TEST 1: list applicaties with a superuser token (the smoke test)
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 1, "next": null, "previous": null,
 "results": [{"url": "http://localhost/autorisaties/api/v1/applicaties/aaaaaaaa-0000-4000-8000-000000000001",
              "clientIds": ["super"], "label": "Superuser",
              "heeftAlleAutorisaties": true, "autorisaties": []}]}



=== TEST 2: list: newest first, every applicatie rendered in full
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'Eerste',
          client_ids => ['een-a', 'een-b'], alle => 1);
main::zrc_app('11111111-1111-4111-8111-000000000002', 'Tweede', 'twee');
main::app(uuid => '11111111-1111-4111-8111-000000000003', label => 'Derde',
          client_ids => ['drie'],
          autorisaties => [
              { component => 'ztc', scopes => ['catalogi.lezen'] },
              { component => 'brc', scopes => ['besluiten.lezen', 'besluiten.aanmaken'],
                besluittype => 'https://ztc.example/besluittypen/7' }]);
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 4, "next": null, "previous": null,
 "results": [
   {"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000003",
    "clientIds": ["drie"], "label": "Derde", "heeftAlleAutorisaties": false,
    "autorisaties": [
      {"component": "ztc", "componentWeergave": "Catalogi API",
       "scopes": ["catalogi.lezen"]},
      {"component": "brc", "componentWeergave": "Besluiten API",
       "scopes": ["besluiten.lezen", "besluiten.aanmaken"],
       "besluittype": "https://ztc.example/besluittypen/7"}]},
   {"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000002",
    "clientIds": ["twee"], "label": "Tweede", "heeftAlleAutorisaties": false,
    "autorisaties": [
      {"component": "zrc", "componentWeergave": "Zaken API",
       "scopes": ["zaken.lezen"],
       "zaaktype": "https://ztc.example/zaaktypen/1",
       "maxVertrouwelijkheidaanduiding": "beperkt_openbaar"}]},
   {"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
    "clientIds": ["een-a", "een-b"], "label": "Eerste",
    "heeftAlleAutorisaties": true, "autorisaties": []},
   {"url": "http://localhost/autorisaties/api/v1/applicaties/aaaaaaaa-0000-4000-8000-000000000001",
    "clientIds": ["super"]}]}
--- json_absent
results.0.autorisaties.0.zaaktype
results.0.autorisaties.0.informatieobjecttype
results.0.autorisaties.0.besluittype
results.0.autorisaties.0.maxVertrouwelijkheidaanduiding
results.0.autorisaties.1.zaaktype
results.0.autorisaties.1.informatieobjecttype
results.0.autorisaties.1.maxVertrouwelijkheidaanduiding
results.1.autorisaties.0.informatieobjecttype
results.1.autorisaties.0.besluittype



=== TEST 3: list: applicaties with both or neither kind of autorisaties are hidden
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'Beide',
          client_ids => ['beide'], alle => 1,
          autorisaties => [{ component => 'ac', scopes => ['autorisaties.lezen'] }]);
main::app(uuid => '11111111-1111-4111-8111-000000000002', label => 'Geen',
          client_ids => ['geen'], alle => 0);
main::app(uuid => '11111111-1111-4111-8111-000000000003', label => 'Goed',
          client_ids => ['goed'],
          autorisaties => [{ component => 'ac', scopes => ['autorisaties.lezen'] }]);
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 2, "next": null, "previous": null,
 "results": [{"label": "Goed"}, {"label": "Superuser"}]}



=== TEST 3a: list: autorisaties added or removed later (here by SQL) count at once
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'Leeg',
          client_ids => ['leeg'],
          autorisaties => [{ component => 'ac', scopes => ['autorisaties.lezen'] }]);
main::app(uuid => '11111111-1111-4111-8111-000000000002', label => 'Later',
          client_ids => ['later'], alle => 0);
OZ::Test::oz_psql("DELETE FROM autorisaties.autorisatie"
    . " WHERE applicatie_uuid = '11111111-1111-4111-8111-000000000001';"
    . " INSERT INTO autorisaties.autorisatie (applicatie_uuid, position,"
    . " component, scopes) VALUES ('11111111-1111-4111-8111-000000000002',"
    . " 0, 'ac', ARRAY['autorisaties.lezen'])");
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 2, "next": null, "previous": null,
 "results": [{"label": "Later"}, {"label": "Superuser"}]}



=== TEST 4: list: clientIds filter matches applicaties holding any of the ids
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'X',
          client_ids => ['a', 'b'], alle => 1);
main::app(uuid => '11111111-1111-4111-8111-000000000002', label => 'Y',
          client_ids => ['c'], alle => 1);
main::app(uuid => '11111111-1111-4111-8111-000000000003', label => 'Z',
          client_ids => ['d'], alle => 1);
--- request
GET /autorisaties/api/v1/applicaties?clientIds=b,c
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 2, "next": null, "previous": null,
 "results": [{"label": "Y", "clientIds": ["c"]},
             {"label": "X", "clientIds": ["a", "b"]}]}



=== TEST 5: list: clientIds filter with one id
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'X',
          client_ids => ['a', 'b'], alle => 1);
main::app(uuid => '11111111-1111-4111-8111-000000000002', label => 'Y',
          client_ids => ['c'], alle => 1);
--- request
GET /autorisaties/api/v1/applicaties?clientIds=a
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 1, "results": [{"label": "X"}]}



=== TEST 6: list: clientIds filter without a match; page=1 of an empty list is 200
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'X',
          client_ids => ['a'], alle => 1);
--- request
GET /autorisaties/api/v1/applicaties?clientIds=nobody&page=1
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 0, "next": null, "previous": null, "results": []}



=== TEST 7: list: page 1 of 3 (pageSize=2)
--- init
main::seed();
main::app(uuid => "11111111-1111-4111-8111-00000000000$_", label => "P$_",
          client_ids => ["p$_"], alle => 1) for 1 .. 4;
--- request
GET /autorisaties/api/v1/applicaties?pageSize=2
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 5,
 "next": "http://localhost/autorisaties/api/v1/applicaties?page=2&pageSize=2",
 "previous": null,
 "results": [{"label": "P4"}, {"label": "P3"}]}



=== TEST 8: list: page 2 of 3: previous has no page parameter, parameters sorted
--- init
main::seed();
main::app(uuid => "11111111-1111-4111-8111-00000000000$_", label => "P$_",
          client_ids => ["p$_"], alle => 1) for 1 .. 4;
--- request
GET /autorisaties/api/v1/applicaties?pageSize=2&page=2
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 5,
 "next": "http://localhost/autorisaties/api/v1/applicaties?page=3&pageSize=2",
 "previous": "http://localhost/autorisaties/api/v1/applicaties?pageSize=2",
 "results": [{"label": "P2"}, {"label": "P1"}]}



=== TEST 9: list: last page
--- init
main::seed();
main::app(uuid => "11111111-1111-4111-8111-00000000000$_", label => "P$_",
          client_ids => ["p$_"], alle => 1) for 1 .. 4;
--- request
GET /autorisaties/api/v1/applicaties?page=3&pageSize=2
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 5, "next": null,
 "previous": "http://localhost/autorisaties/api/v1/applicaties?page=2&pageSize=2",
 "results": [{"label": "Superuser"}]}



=== TEST 10: list: links use the Host of the request, with its port
--- init
main::seed();
main::app(uuid => "11111111-1111-4111-8111-00000000000$_", label => "P$_",
          client_ids => ["p$_"], alle => 1) for 1 .. 4;
--- request
GET /autorisaties/api/v1/applicaties?page=2&pageSize=1
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
. "\nHost: localhost:1984\n"
--- error_code: 200
--- json_subset
{"count": 5,
 "next": "http://localhost:1984/autorisaties/api/v1/applicaties?page=3&pageSize=1",
 "previous": "http://localhost:1984/autorisaties/api/v1/applicaties?pageSize=1",
 "results": [{"label": "P3",
              "url": "http://localhost:1984/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000003"}]}



=== TEST 11: list: links keep the filter, parameters sorted by name
# encoded like Python's urlencode, as DRF builds them: "," becomes %2C
--- init
main::seed();
main::app(uuid => "11111111-1111-4111-8111-00000000000$_", label => "P$_",
          client_ids => ["p$_"], alle => 1) for 1 .. 4;
--- request
GET /autorisaties/api/v1/applicaties?pageSize=1&page=2&clientIds=p1,p2,p3
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"count": 3,
 "next": "http://localhost/autorisaties/api/v1/applicaties?clientIds=p1%2Cp2%2Cp3&page=3&pageSize=1",
 "previous": "http://localhost/autorisaties/api/v1/applicaties?clientIds=p1%2Cp2%2Cp3&pageSize=1",
 "results": [{"label": "P2"}]}



=== TEST 12: list: page beyond the last is 404 "Ongeldige pagina."
--- init
main::seed();
main::app(uuid => "11111111-1111-4111-8111-00000000000$_", label => "P$_",
          client_ids => ["p$_"], alle => 1) for 1 .. 4;
--- request
GET /autorisaties/api/v1/applicaties?page=4&pageSize=2
--- more_headers eval
main::hdr('super')
--- error_code: 404
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "not_found", "status": 404, "detail": "Ongeldige pagina.",
 "type": "/\\/ref\\/fouten\\/NotFound\\/$/",
 "instance": "/^urn:uuid:[0-9a-f-]{36}$/"}
--- json_absent
invalidParams



=== TEST 13: list: page=0 is 404
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties?page=0
--- more_headers eval
main::hdr('super')
--- error_code: 404
--- json_subset
{"code": "not_found", "status": 404, "detail": "Ongeldige pagina."}



=== TEST 14: list: page=abc is 404
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties?page=abc
--- more_headers eval
main::hdr('super')
--- error_code: 404
--- json_subset
{"code": "not_found", "status": 404, "detail": "Ongeldige pagina."}



=== TEST 15: list: page 2 of an empty result is 404
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties?clientIds=nobody&page=2
--- more_headers eval
main::hdr('super')
--- error_code: 404
--- json_subset
{"code": "not_found", "detail": "Ongeldige pagina."}



=== TEST 16: list: the default page size is 100
--- init
main::seed();
OZ::Test::oz_psql(q{INSERT INTO autorisaties.applicatie (uuid, client_ids,
    label, heeft_alle_autorisaties) SELECT gen_random_uuid(),
    ARRAY['bulk-' || i], 'bulk ' || i, true FROM generate_series(1, 104) i});
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset eval
{ count => 105,
  next => 'http://localhost/autorisaties/api/v1/applicaties?page=2',
  previous => undef,
  results => [ { label => 'bulk 104' }, map { {} } 2 .. 100 ] }



=== TEST 17: list: the second page with the default page size
--- init
main::seed();
OZ::Test::oz_psql(q{INSERT INTO autorisaties.applicatie (uuid, client_ids,
    label, heeft_alle_autorisaties) SELECT gen_random_uuid(),
    ARRAY['bulk-' || i], 'bulk ' || i, true FROM generate_series(1, 104) i});
--- request
GET /autorisaties/api/v1/applicaties?page=2
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset eval
{ count => 105, next => undef,
  previous => 'http://localhost/autorisaties/api/v1/applicaties',
  results => [ { label => 'bulk 4' }, {}, {}, {}, { label => 'Superuser' } ] }



=== TEST 18: list: an invalid pageSize falls back to the default (abc)
--- init
main::seed();
OZ::Test::oz_psql(q{INSERT INTO autorisaties.applicatie (uuid, client_ids,
    label, heeft_alle_autorisaties) SELECT gen_random_uuid(),
    ARRAY['bulk-' || i], 'bulk ' || i, true FROM generate_series(1, 104) i});
--- request
GET /autorisaties/api/v1/applicaties?pageSize=abc
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset eval
{ count => 105,
  next => 'http://localhost/autorisaties/api/v1/applicaties?page=2&pageSize=abc',
  results => [ map { {} } 1 .. 100 ] }



=== TEST 19: list: an invalid pageSize falls back to the default (0 and -5)
--- init
main::seed();
OZ::Test::oz_psql(q{INSERT INTO autorisaties.applicatie (uuid, client_ids,
    label, heeft_alle_autorisaties) SELECT gen_random_uuid(),
    ARRAY['bulk-' || i], 'bulk ' || i, true FROM generate_series(1, 104) i});
--- request eval
["GET /autorisaties/api/v1/applicaties?pageSize=0",
 "GET /autorisaties/api/v1/applicaties?pageSize=-5"]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(200) x 2]
--- json_subset eval
{ count => 105, results => [ map { {} } 1 .. 100 ] }



=== TEST 20: list: pageSize is capped at 500
--- init
main::seed();
OZ::Test::oz_psql(q{INSERT INTO autorisaties.applicatie (uuid, client_ids,
    label, heeft_alle_autorisaties) SELECT gen_random_uuid(),
    ARRAY['bulk-' || i], 'bulk ' || i, true FROM generate_series(1, 519) i});
--- request
GET /autorisaties/api/v1/applicaties?pageSize=1000
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset eval
{ count => 520,
  next => 'http://localhost/autorisaties/api/v1/applicaties?page=2&pageSize=1000',
  previous => undef,
  results => [ map { {} } 1 .. 500 ] }



=== TEST 21: list: an unknown query parameter is 400 unknown-parameters
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties?foo=bar
--- more_headers eval
main::hdr('super')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "invalid", "title": "Ongeldige invoer.", "status": 400,
 "type": "/\\/ref\\/fouten\\/ValidationError\\/$/",
 "invalidParams": [{"name": "nonFieldErrors", "code": "unknown-parameters",
                    "reason": "Onbekende query parameters: foo"}]}



=== TEST 22: list: an unknown parameter next to known ones is still 400
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties?clientIds=super&page=1&foo=bar
--- more_headers eval
main::hdr('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "nonFieldErrors", "code": "unknown-parameters",
                    "reason": "Onbekende query parameters: foo"}]}



=== TEST 23: read: every component rendered with its own fields, in the order given
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'Alles',
  client_ids => ['alles'],
  autorisaties => [
    { component => 'ac',  scopes => ['autorisaties.lezen'] },
    { component => 'nrc', scopes => ['notificaties.consumeren'] },
    { component => 'zrc', scopes => ['zaken.lezen', 'zaken.aanmaken'],
      zaaktype => 'https://ztc.example/zaaktypen/1', max_va => 'beperkt_openbaar' },
    { component => 'ztc', scopes => ['catalogi.lezen'] },
    { component => 'drc', scopes => ['documenten.lezen'],
      informatieobjecttype => 'https://ztc.example/informatieobjecttypen/1',
      max_va => 'geheim' },
    { component => 'brc', scopes => ['besluiten.lezen'],
      besluittype => 'https://ztc.example/besluittypen/1' },
    { component => 'cmc', scopes => ['contactmomenten.lezen'] },
    { component => 'kc',  scopes => ['klanten.lezen'] },
    { component => 'vrc', scopes => ['verzoeken.lezen'] } ]);
--- request
GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "clientIds": ["alles"], "label": "Alles", "heeftAlleAutorisaties": false,
 "autorisaties": [
   {"component": "ac", "componentWeergave": "Autorisaties API",
    "scopes": ["autorisaties.lezen"]},
   {"component": "nrc", "componentWeergave": "Notificaties API",
    "scopes": ["notificaties.consumeren"]},
   {"component": "zrc", "componentWeergave": "Zaken API",
    "scopes": ["zaken.lezen", "zaken.aanmaken"],
    "zaaktype": "https://ztc.example/zaaktypen/1",
    "maxVertrouwelijkheidaanduiding": "beperkt_openbaar"},
   {"component": "ztc", "componentWeergave": "Catalogi API",
    "scopes": ["catalogi.lezen"]},
   {"component": "drc", "componentWeergave": "Documenten API",
    "scopes": ["documenten.lezen"],
    "informatieobjecttype": "https://ztc.example/informatieobjecttypen/1",
    "maxVertrouwelijkheidaanduiding": "geheim"},
   {"component": "brc", "componentWeergave": "Besluiten API",
    "scopes": ["besluiten.lezen"],
    "besluittype": "https://ztc.example/besluittypen/1"},
   {"component": "cmc", "componentWeergave": "Contactmomenten API",
    "scopes": ["contactmomenten.lezen"]},
   {"component": "kc", "componentWeergave": "Klanten API",
    "scopes": ["klanten.lezen"]},
   {"component": "vrc", "componentWeergave": "Verzoeken API",
    "scopes": ["verzoeken.lezen"]}]}
--- json_absent
autorisaties.0.zaaktype
autorisaties.0.informatieobjecttype
autorisaties.0.besluittype
autorisaties.0.maxVertrouwelijkheidaanduiding
autorisaties.1.zaaktype
autorisaties.1.informatieobjecttype
autorisaties.1.besluittype
autorisaties.1.maxVertrouwelijkheidaanduiding
autorisaties.2.informatieobjecttype
autorisaties.2.besluittype
autorisaties.3.zaaktype
autorisaties.3.informatieobjecttype
autorisaties.3.besluittype
autorisaties.3.maxVertrouwelijkheidaanduiding
autorisaties.4.zaaktype
autorisaties.4.besluittype
autorisaties.5.zaaktype
autorisaties.5.informatieobjecttype
autorisaties.5.maxVertrouwelijkheidaanduiding
autorisaties.6.zaaktype
autorisaties.6.informatieobjecttype
autorisaties.6.besluittype
autorisaties.6.maxVertrouwelijkheidaanduiding
autorisaties.7.zaaktype
autorisaties.7.informatieobjecttype
autorisaties.7.besluittype
autorisaties.7.maxVertrouwelijkheidaanduiding
autorisaties.8.zaaktype
autorisaties.8.informatieobjecttype
autorisaties.8.besluittype
autorisaties.8.maxVertrouwelijkheidaanduiding



=== TEST 24: read: unknown uuid is 404 not_found
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000009
--- more_headers eval
main::hdr('super')
--- error_code: 404
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "not_found", "title": "Niet gevonden.", "status": 404,
 "detail": "Niet gevonden.",
 "type": "http://localhost/ref/fouten/NotFound/",
 "instance": "/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/"}
--- json_absent
invalidParams



=== TEST 25: read: a malformed uuid is 404
--- init
main::seed();
--- request eval
["GET /autorisaties/api/v1/applicaties/not-a-uuid",
 "GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-00000000000"]
--- more_headers eval
main::hdr('super')
--- error_code eval
[(404) x 2]
--- json_subset
{"code": "not_found", "status": 404}



=== TEST 26: read: an unknown query parameter is 400 (list and retrieve check them)
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'X',
          client_ids => ['x'], alle => 1);
--- request
GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001?foo=1
--- more_headers eval
main::hdr('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "nonFieldErrors", "code": "unknown-parameters",
                    "reason": "Onbekende query parameters: foo"}]}



=== TEST 27: create with heeftAlleAutorisaties: 201, Location, secret row, notification
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["nieuw"], "label": "Nieuwe applicatie",
 "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 201
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- response_headers_like
Location: http://localhost/autorisaties/api/v1/applicaties/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}
--- json_subset
{"url": "/^http:\\/\\/localhost\\/autorisaties\\/api\\/v1\\/applicaties\\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/",
 "clientIds": ["nieuw"], "label": "Nieuwe applicatie",
 "heeftAlleAutorisaties": true, "autorisaties": []}
--- sql_check
SELECT client_ids, label, heeft_alle_autorisaties
  FROM autorisaties.applicatie WHERE label = 'Nieuwe applicatie';
SELECT client_id, secret = '' FROM autorisaties.jwt_secret
 WHERE client_id = 'nieuw';
SELECT client_id FROM autorisaties.client_id c
  JOIN autorisaties.applicatie a ON a.uuid = c.applicatie
 WHERE a.label = 'Nieuwe applicatie';
SELECT n.kanaal, n.bericht->>'kanaal', n.bericht->>'resource',
       n.bericht->>'actie',
       n.bericht->>'hoofdObject' = 'http://localhost/autorisaties/api/v1/applicaties/' || a.uuid,
       n.bericht->>'resourceUrl' = 'http://localhost/autorisaties/api/v1/applicaties/' || a.uuid,
       n.bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$',
       n.bericht->'kenmerken',
       (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(n.bericht) k),
       n.verzonden IS NULL
  FROM zgw.notificatie n, autorisaties.applicatie a
 WHERE a.label = 'Nieuwe applicatie';
--- sql_check_out
{nieuw}|Nieuwe applicatie|t
nieuw|t
nieuw
autorisaties|autorisaties|applicatie|create|t|t|t|{}|aanmaakdatum,actie,hoofdObject,kanaal,kenmerken,resource,resourceUrl|t



=== TEST 28: create with autorisaties of every component: order kept, read-only and unknown keys ignored
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["c1", "c2"], "label": "Veel", "url": "http://evil.example/x",
 "onbekend": 1,
 "autorisaties": [
   {"component": "zrc", "componentWeergave": "Iets anders",
    "scopes": ["zaken.lezen", "zaken.bijwerken"],
    "zaaktype": "https://ztc.example/zaaktypen/9",
    "maxVertrouwelijkheidaanduiding": "zeer_geheim", "extra": true},
   {"component": "drc", "scopes": ["documenten.lezen"],
    "informatieobjecttype": "https://ztc.example/iot/3",
    "maxVertrouwelijkheidaanduiding": "openbaar"},
   {"component": "brc", "scopes": ["besluiten.lezen"],
    "besluittype": "https://ztc.example/besluittypen/2"},
   {"component": "ac", "scopes": ["autorisaties.lezen"]},
   {"component": "nrc", "scopes": ["notificaties.consumeren", "notificaties.publiceren"]},
   {"component": "ztc", "scopes": ["catalogi.lezen"]},
   {"component": "cmc", "scopes": []},
   {"component": "kc", "scopes": ["klanten.lezen"]},
   {"component": "vrc", "scopes": ["verzoeken.lezen"]}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 201
--- json_subset
{"url": "/^http:\\/\\/localhost\\/autorisaties\\/api\\/v1\\/applicaties\\/[0-9a-f-]{36}$/",
 "clientIds": ["c1", "c2"], "label": "Veel", "heeftAlleAutorisaties": false,
 "autorisaties": [
   {"component": "zrc", "componentWeergave": "Zaken API",
    "scopes": ["zaken.lezen", "zaken.bijwerken"],
    "zaaktype": "https://ztc.example/zaaktypen/9",
    "maxVertrouwelijkheidaanduiding": "zeer_geheim"},
   {"component": "drc", "componentWeergave": "Documenten API",
    "scopes": ["documenten.lezen"],
    "informatieobjecttype": "https://ztc.example/iot/3",
    "maxVertrouwelijkheidaanduiding": "openbaar"},
   {"component": "brc", "componentWeergave": "Besluiten API",
    "scopes": ["besluiten.lezen"],
    "besluittype": "https://ztc.example/besluittypen/2"},
   {"component": "ac", "componentWeergave": "Autorisaties API",
    "scopes": ["autorisaties.lezen"]},
   {"component": "nrc", "componentWeergave": "Notificaties API",
    "scopes": ["notificaties.consumeren", "notificaties.publiceren"]},
   {"component": "ztc", "componentWeergave": "Catalogi API",
    "scopes": ["catalogi.lezen"]},
   {"component": "cmc", "componentWeergave": "Contactmomenten API",
    "scopes": []},
   {"component": "kc", "componentWeergave": "Klanten API",
    "scopes": ["klanten.lezen"]},
   {"component": "vrc", "componentWeergave": "Verzoeken API",
    "scopes": ["verzoeken.lezen"]}]}
--- json_absent
onbekend
autorisaties.0.extra
autorisaties.0.besluittype
autorisaties.3.zaaktype
autorisaties.3.maxVertrouwelijkheidaanduiding
--- sql_check
SELECT x.position, x.component, x.scopes, coalesce(x.zaaktype, '-'),
       coalesce(x.informatieobjecttype, '-'), coalesce(x.besluittype, '-'),
       coalesce(x.max_vertrouwelijkheidaanduiding, '-')
  FROM autorisaties.autorisatie x
  JOIN autorisaties.applicatie a ON a.uuid = x.applicatie_uuid
 WHERE a.label = 'Veel' ORDER BY x.position;
SELECT client_id, secret FROM autorisaties.jwt_secret
 WHERE client_id IN ('c1', 'c2') ORDER BY 1;
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
0|zrc|{zaken.lezen,zaken.bijwerken}|https://ztc.example/zaaktypen/9|-|-|zeer_geheim
1|drc|{documenten.lezen}|-|https://ztc.example/iot/3|-|openbaar
2|brc|{besluiten.lezen}|-|-|https://ztc.example/besluittypen/2|-
3|ac|{autorisaties.lezen}|-|-|-|-
4|nrc|{notificaties.consumeren,notificaties.publiceren}|-|-|-|-
5|ztc|{catalogi.lezen}|-|-|-|-
6|cmc|{}|-|-|-|-
7|kc|{klanten.lezen}|-|-|-|-
8|vrc|{verzoeken.lezen}|-|-|-|-
c1|
c2|
1



=== TEST 29: create: the new applicatie can be read back and is listed first
--- init
main::seed();
--- request eval
["POST /autorisaties/api/v1/applicaties
{\"clientIds\": [\"terug\"], \"label\": \"Terug\", \"heeftAlleAutorisaties\": true}",
 "GET /autorisaties/api/v1/applicaties?clientIds=terug"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[201, 200]
--- response_body_like eval
[qr/"label":\s*"Terug"/,
 qr/\A\{"count":\s*1,.*"clientIds":\s*\["terug"\],\s*"label":\s*"Terug"/]



=== TEST 30: create: an existing JWT secret is not overwritten, new client ids get an empty one
--- init
main::seed();
OZ::Test::oz_psql(q{INSERT INTO autorisaties.jwt_secret (client_id, secret)
                    VALUES ('bestaand', 'geheim')});
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["bestaand", "nieuw-1"], "label": "Met geheim",
 "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 201
--- sql_check
SELECT client_id, secret FROM autorisaties.jwt_secret
 WHERE client_id <> 'super' ORDER BY 1
--- sql_check_out
bestaand|geheim
nieuw-1|



=== TEST 31: create: zrc without a zaken.* scope needs no zaaktype; empty values render as ""
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["zonder"], "label": "Zonder zaakscope",
 "autorisaties": [{"component": "zrc", "scopes": ["notificaties.consumeren"]},
                  {"component": "drc", "scopes": []},
                  {"component": "brc", "scopes": ["zaken.lezen"]}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 201
--- json_subset
{"autorisaties": [
   {"component": "zrc", "scopes": ["notificaties.consumeren"],
    "zaaktype": "", "maxVertrouwelijkheidaanduiding": ""},
   {"component": "drc", "scopes": [],
    "informatieobjecttype": "", "maxVertrouwelijkheidaanduiding": ""},
   {"component": "brc", "scopes": ["zaken.lezen"], "besluittype": ""}]}



=== TEST 32: create: Content-Type application/json; charset=utf-8 is accepted
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["utf8"], "label": "Ünïcödé ✓", "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr('super', 'Content-Type: application/json; charset=utf-8')
--- error_code: 201
--- json_subset
{"clientIds": ["utf8"], "label": "Ünïcödé ✓"}
--- sql_check
SELECT label FROM autorisaties.applicatie WHERE 'utf8' = ANY (client_ids)
--- sql_check_out
Ünïcödé ✓



=== TEST 33: create: heeftAlleAutorisaties true with an empty autorisaties list is fine
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["leeg"], "label": "Leeg", "heeftAlleAutorisaties": true,
 "autorisaties": []}
--- more_headers eval
main::hdr_json('super')
--- error_code: 201
--- json_subset
{"heeftAlleAutorisaties": true, "autorisaties": []}



=== TEST 34: create: an empty object: clientIds and label required, nothing stored, no notification
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"type": "http://localhost/ref/fouten/ValidationError/",
 "code": "invalid", "title": "Ongeldige invoer.", "status": 400,
 "detail": "Ongeldige invoer.",
 "instance": "/^urn:uuid:[0-9a-f-]{36}$/",
 "invalidParams": [
   {"name": "clientIds", "code": "required", "reason": "Dit veld is verplicht."},
   {"name": "label", "code": "required", "reason": "Dit veld is verplicht."}]}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 35: create: an empty body is 400 with the required errors
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [
   {"name": "clientIds", "code": "required", "reason": "Dit veld is verplicht."},
   {"name": "label", "code": "required", "reason": "Dit veld is verplicht."}]}



=== TEST 36: create: label "" is blank
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "", "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "label", "code": "blank",
                    "reason": "Dit veld mag niet leeg zijn."}]}



=== TEST 37: create: label of 101 characters is max_length
--- init
main::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. '{"clientIds": ["x"], "heeftAlleAutorisaties": true, "label": "'
. ('x' x 101) . '"}'
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset eval
{ code => 'invalid',
  invalidParams => [{ name => 'label', code => 'max_length',
      reason => 'Dit veld mag niet meer dan 100 karakters bevatten.' }] }



=== TEST 38: create: label of 100 characters and client id of 50 are fine
--- init
main::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. '{"clientIds": ["' . ('c' x 50) . '"], "heeftAlleAutorisaties": true,'
. ' "label": "' . ('y' x 100) . '"}'
--- more_headers eval
main::hdr_json('super')
--- error_code: 201
--- json_subset eval
{ label => 'y' x 100, clientIds => ['c' x 50] }



=== TEST 39: create: clientIds not a list is not_a_list
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": "abc", "label": "x", "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "clientIds", "code": "not_a_list",
     "reason": "Verwachtte een lijst met items, maar kreeg type \"str\"."}]}



=== TEST 40: create: clientIds items over 50 characters: "clientIds." for item 0, "clientIds.1" for item 1
--- init
main::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. '{"clientIds": ["' . ('a' x 51) . '", "' . ('b' x 51) . '", "'
. ('c' x 50) . '"], "label": "x", "heeftAlleAutorisaties": true}'
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [
   {"name": "clientIds.", "code": "max_length",
    "reason": "Dit veld mag niet meer dan 50 karakters bevatten."},
   {"name": "clientIds.1", "code": "max_length",
    "reason": "Dit veld mag niet meer dan 50 karakters bevatten."}]}



=== TEST 41: create: an empty client id is blank
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["ok", ""], "label": "x", "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "clientIds.1", "code": "blank",
                    "reason": "Dit veld mag niet leeg zijn."}]}



=== TEST 42: create: heeftAlleAutorisaties not a boolean is invalid
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x", "heeftAlleAutorisaties": "ja"}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "heeftAlleAutorisaties", "code": "invalid",
                    "reason": "Must be a valid boolean."}]}



=== TEST 43: create: null for non-nullable fields is null, all reported together
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": null, "label": null, "heeftAlleAutorisaties": null,
 "autorisaties": null}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [
   {"name": "clientIds", "code": "null", "reason": "Dit veld mag niet leeg zijn."},
   {"name": "label", "code": "null", "reason": "Dit veld mag niet leeg zijn."},
   {"name": "heeftAlleAutorisaties", "code": "null", "reason": "Dit veld mag niet leeg zijn."},
   {"name": "autorisaties", "code": "null", "reason": "Dit veld mag niet leeg zijn."}]}



=== TEST 44: create: errors of all fields and autorisaties items together, in order
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": "abc", "label": "", "heeftAlleAutorisaties": "ja",
 "autorisaties": [{"scopes": ["zaken.lezen"]},
                  {"component": "xx", "scopes": []}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [
   {"name": "clientIds", "code": "not_a_list"},
   {"name": "label", "code": "blank"},
   {"name": "heeftAlleAutorisaties", "code": "invalid"},
   {"name": "autorisaties.0.component", "code": "required",
    "reason": "Dit veld is verplicht."},
   {"name": "autorisaties.1.component", "code": "invalid_choice",
    "reason": "\"xx\" is een ongeldige keuze."}]}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM autorisaties.jwt_secret),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|1|0



=== TEST 45: create: autorisatie without scopes: scopes required
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "ac"}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "autorisaties.0.scopes", "code": "required",
                    "reason": "Dit veld is verplicht."}]}



=== TEST 46: create: scopes not a list is not_a_list
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "ac", "scopes": "autorisaties.lezen"}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "autorisaties.0.scopes", "code": "not_a_list"}]}



=== TEST 47: create: maxVertrouwelijkheidaanduiding "foo" is invalid_choice
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"],
                   "zaaktype": "https://ztc.example/zaaktypen/1",
                   "maxVertrouwelijkheidaanduiding": "foo"}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "autorisaties.0.maxVertrouwelijkheidaanduiding",
                    "code": "invalid_choice",
                    "reason": "\"foo\" is een ongeldige keuze."}]}



=== TEST 48: create: zaaktype not a URL is invalid
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"],
                   "zaaktype": "geen url",
                   "maxVertrouwelijkheidaanduiding": "geheim"}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "autorisaties.0.zaaktype", "code": "invalid",
                    "reason": "Voer een geldige URL in."}]}



=== TEST 49: create: an autorisaties item that is not an object
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x", "autorisaties": ["zrc"]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "autorisaties.0.nonFieldErrors", "code": "invalid",
     "reason": "Ongeldige data. Verwacht een dictionary, kreeg een str."}]}



=== TEST 50: create: autorisaties not a list
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x", "autorisaties": {"component": "ac"}}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "autorisaties.nonFieldErrors", "code": "not_a_list"}]}



=== TEST 51: ac-002: heeftAlleAutorisaties with autorisaties is ambiguous
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x", "heeftAlleAutorisaties": true,
 "autorisaties": [{"component": "ac", "scopes": ["autorisaties.lezen"]}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid", "title": "Ongeldige invoer.",
 "invalidParams": [{"name": "nonFieldErrors",
                    "code": "ambiguous-authorizations-specified"}]}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM autorisaties.autorisatie),
       (SELECT count(*) FROM autorisaties.jwt_secret),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0|1|0



=== TEST 52: ac-002: neither heeftAlleAutorisaties nor autorisaties is missing-authorizations
--- init
main::seed();
--- request eval
["POST /autorisaties/api/v1/applicaties
{\"clientIds\": [\"x\"], \"label\": \"x\"}",
 "POST /autorisaties/api/v1/applicaties
{\"clientIds\": [\"x\"], \"label\": \"x\", \"heeftAlleAutorisaties\": false, \"autorisaties\": []}"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 2]
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "nonFieldErrors", "code": "missing-authorizations"}]}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 53: ac-003: zrc with a zaken scope needs zaaktype and maxVertrouwelijkheidaanduiding (keys missing)
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"]}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [
   {"name": "autorisaties.0.zaaktype", "code": "required",
    "reason": "Dit veld is verplicht als de `component` zrc is"},
   {"name": "autorisaties.0.maxVertrouwelijkheidaanduiding", "code": "required",
    "reason": "Dit veld is verplicht als de `component` zrc is"}]}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 54: ac-003: zrc with empty zaaktype and maxVertrouwelijkheidaanduiding, at position 1
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "ac", "scopes": ["autorisaties.lezen"]},
                  {"component": "zrc", "scopes": ["notificaties.x", "zaken.aanmaken"],
                   "zaaktype": "", "maxVertrouwelijkheidaanduiding": ""}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [
   {"name": "autorisaties.1.zaaktype", "code": "required",
    "reason": "Dit veld is verplicht als de `component` zrc is"},
   {"name": "autorisaties.1.maxVertrouwelijkheidaanduiding", "code": "required",
    "reason": "Dit veld is verplicht als de `component` zrc is"}]}



=== TEST 55: ac-003: zrc with only maxVertrouwelijkheidaanduiding missing
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"],
                   "zaaktype": "https://ztc.example/zaaktypen/1"}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [
   {"name": "autorisaties.0.maxVertrouwelijkheidaanduiding", "code": "required",
    "reason": "Dit veld is verplicht als de `component` zrc is"}]}



=== TEST 56: ac-003: drc with a documenten scope needs informatieobjecttype and maxVertrouwelijkheidaanduiding
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "drc", "scopes": ["documenten.lezen"]}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [
   {"name": "autorisaties.0.informatieobjecttype", "code": "required",
    "reason": "Dit veld is verplicht als de `component` drc is"},
   {"name": "autorisaties.0.maxVertrouwelijkheidaanduiding", "code": "required",
    "reason": "Dit veld is verplicht als de `component` drc is"}]}



=== TEST 57: ac-003: brc with a besluiten scope needs besluittype
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x",
 "autorisaties": [{"component": "brc", "scopes": ["besluiten.lezen"],
                   "besluittype": ""}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [
   {"name": "autorisaties.0.besluittype", "code": "required",
    "reason": "Dit veld is verplicht als de `component` brc is"}]}



=== TEST 58: ac-001: a client id of another applicatie is clientId-exists
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'Bezit',
          client_ids => ['bezet', 'ander'], alle => 1);
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["vrij", "bezet"], "label": "Dubbel", "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "clientIds", "code": "clientId-exists",
   "reason": "/\\bbezet\\b.*11111111-1111-4111-8111-000000000001/"}]}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM autorisaties.jwt_secret WHERE client_id = 'vrij'),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
2|0|0



=== TEST 59: read: GET /applicaties/{uuid} for an applicatie with several client ids
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Zaken', 'z1', 'z2');
--- request
GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- json_subset
{"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "clientIds": ["z1", "z2"], "label": "Zaken", "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "zrc", "componentWeergave": "Zaken API",
                   "scopes": ["zaken.lezen"],
                   "zaaktype": "https://ztc.example/zaaktypen/1",
                   "maxVertrouwelijkheidaanduiding": "beperkt_openbaar"}]}



=== TEST 60: update (PUT): autorisaties replaced, own client ids fine, notification "update"
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1', 'z2');
--- request
PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z2", "z3"], "label": "Nieuw",
 "autorisaties": [{"component": "drc", "scopes": ["documenten.lezen"],
                   "informatieobjecttype": "https://ztc.example/iot/1",
                   "maxVertrouwelijkheidaanduiding": "intern"},
                  {"component": "ac", "scopes": ["autorisaties.lezen"]}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
!Location
--- json_subset
{"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "clientIds": ["z2", "z3"], "label": "Nieuw", "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "drc", "componentWeergave": "Documenten API",
                   "scopes": ["documenten.lezen"],
                   "informatieobjecttype": "https://ztc.example/iot/1",
                   "maxVertrouwelijkheidaanduiding": "intern"},
                  {"component": "ac", "componentWeergave": "Autorisaties API",
                   "scopes": ["autorisaties.lezen"]}]}
--- sql_check
SELECT position, component, scopes FROM autorisaties.autorisatie
 WHERE applicatie_uuid = '11111111-1111-4111-8111-000000000001' ORDER BY position;
SELECT client_id FROM autorisaties.client_id
 WHERE applicatie = '11111111-1111-4111-8111-000000000001' ORDER BY 1;
SELECT client_id, secret FROM autorisaties.jwt_secret WHERE client_id <> 'super' ORDER BY 1;
SELECT kanaal, bericht->>'actie', bericht->>'resource', bericht->>'hoofdObject',
       bericht->>'resourceUrl', bericht->'kenmerken',
       bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
  FROM zgw.notificatie;
--- sql_check_out
0|drc|{documenten.lezen}
1|ac|{autorisaties.lezen}
z2
z3
z2|
z3|
autorisaties|update|applicatie|http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001|http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001|{}|t



=== TEST 61: update (PUT): fields not sent keep their stored values
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z1"], "label": "Alleen label"}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- json_subset
{"clientIds": ["z1"], "label": "Alleen label", "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"],
                   "zaaktype": "https://ztc.example/zaaktypen/1",
                   "maxVertrouwelijkheidaanduiding": "beperkt_openbaar"}]}
--- sql_check
SELECT count(*) FROM autorisaties.autorisatie
 WHERE applicatie_uuid = '11111111-1111-4111-8111-000000000001';
SELECT bericht->>'actie' FROM zgw.notificatie;
--- sql_check_out
1
update



=== TEST 62: update (PUT): clientIds and label are required
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"heeftAlleAutorisaties": false}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [
   {"name": "clientIds", "code": "required", "reason": "Dit veld is verplicht."},
   {"name": "label", "code": "required", "reason": "Dit veld is verplicht."}]}
--- sql_check
SELECT label FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
Oud
0



=== TEST 63: update (PUT): heeftAlleAutorisaties true on an applicatie with autorisaties is ambiguous
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z1"], "label": "Oud", "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "nonFieldErrors",
                    "code": "ambiguous-authorizations-specified"}]}
--- sql_check
SELECT heeft_alle_autorisaties FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
f
0



=== TEST 64: update (PUT): a client id of another applicatie is clientId-exists
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Een', 'z1');
main::zrc_app('11111111-1111-4111-8111-000000000002', 'Twee', 'z2');
--- request
PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z1", "z2"], "label": "Een"}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "clientIds", "code": "clientId-exists",
   "reason": "/\\bz2\\b.*11111111-1111-4111-8111-000000000002/"}]}
--- sql_check
SELECT client_ids FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
{z1}
0



=== TEST 65: update (PUT): unknown uuid is 404, also with an invalid body
--- init
main::seed();
--- request eval
["PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000009
{\"clientIds\": [\"q\"], \"label\": \"q\", \"heeftAlleAutorisaties\": true}",
 "PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000009
{\"label\": \"\"}"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(404) x 2]
--- json_subset
{"code": "not_found", "status": 404}
--- json_absent
invalidParams
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 66: update (PUT): autorisaties [] without heeftAlleAutorisaties is missing-authorizations
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z1"], "label": "Oud", "autorisaties": []}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "nonFieldErrors", "code": "missing-authorizations"}]}
--- sql_check
SELECT count(*) FROM autorisaties.autorisatie;
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
1
0



=== TEST 67: update (PUT): switch to heeftAlleAutorisaties, autorisaties emptied
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z1"], "label": "Alles", "heeftAlleAutorisaties": true,
 "autorisaties": []}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- json_subset
{"label": "Alles", "heeftAlleAutorisaties": true, "autorisaties": []}
--- sql_check
SELECT count(*) FROM autorisaties.autorisatie;
SELECT bericht->>'actie' FROM zgw.notificatie;
--- sql_check_out
0
update



=== TEST 68: partial update (PATCH): only the label, autorisaties kept, notification "partial_update"
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1', 'z2');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"label": "Gepatcht"}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "clientIds": ["z1", "z2"], "label": "Gepatcht", "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"],
                   "zaaktype": "https://ztc.example/zaaktypen/1",
                   "maxVertrouwelijkheidaanduiding": "beperkt_openbaar"}]}
--- sql_check
SELECT label, client_ids FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT kanaal, bericht->>'kanaal', bericht->>'actie', bericht->>'resource',
       bericht->>'hoofdObject', bericht->>'resourceUrl', bericht->'kenmerken'
  FROM zgw.notificatie;
--- sql_check_out
Gepatcht|{z1,z2}
autorisaties|autorisaties|partial_update|applicatie|http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001|http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001|{}



=== TEST 69: partial update (PATCH): autorisaties given are replaced
--- init
main::seed();
main::app(uuid => '11111111-1111-4111-8111-000000000001', label => 'Drie',
          client_ids => ['d'],
          autorisaties => [{ component => 'ac', scopes => ['autorisaties.lezen'] },
                           { component => 'ztc', scopes => ['catalogi.lezen'] },
                           { component => 'nrc', scopes => ['notificaties.consumeren'] }]);
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"autorisaties": [{"component": "brc", "scopes": ["besluiten.lezen"],
                   "besluittype": "https://ztc.example/besluittypen/5"}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- json_subset
{"label": "Drie", "clientIds": ["d"],
 "autorisaties": [{"component": "brc", "componentWeergave": "Besluiten API",
                   "scopes": ["besluiten.lezen"],
                   "besluittype": "https://ztc.example/besluittypen/5"}]}
--- sql_check
SELECT position, component, besluittype FROM autorisaties.autorisatie
 WHERE applicatie_uuid = '11111111-1111-4111-8111-000000000001' ORDER BY position;
SELECT count(*) FROM zgw.notificatie WHERE bericht->>'actie' = 'partial_update';
--- sql_check_out
0|brc|https://ztc.example/besluittypen/5
1



=== TEST 70: partial update (PATCH): heeftAlleAutorisaties true on an applicatie with autorisaties is ambiguous
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "nonFieldErrors",
                    "code": "ambiguous-authorizations-specified"}]}
--- sql_check
SELECT heeft_alle_autorisaties FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT count(*) FROM autorisaties.autorisatie;
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
f
1
0



=== TEST 71: partial update (PATCH): autorisaties [] on an applicatie without heeftAlleAutorisaties is missing
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"autorisaties": []}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "nonFieldErrors", "code": "missing-authorizations"}]}
--- sql_check
SELECT count(*) FROM autorisaties.autorisatie;
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
1
0



=== TEST 72: partial update (PATCH): switch to heeftAlleAutorisaties with autorisaties []
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"heeftAlleAutorisaties": true, "autorisaties": []}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- json_subset
{"heeftAlleAutorisaties": true, "autorisaties": []}
--- sql_check
SELECT heeft_alle_autorisaties FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT count(*) FROM autorisaties.autorisatie;
SELECT bericht->>'actie' FROM zgw.notificatie;
--- sql_check_out
t
0
partial_update



=== TEST 73: partial update (PATCH): field errors and ac-003 errors of the items come together
# ac-003 is a validator of the nested autorisatie serializer, so in DRF it
# runs as part of the validation of the field "autorisaties", next to the
# other fields' checks (ERROR-CODES 4.2 point 5)
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"label": "", "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"]}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [
   {"name": "label", "code": "blank"},
   {"name": "autorisaties.0.zaaktype", "code": "required"},
   {"name": "autorisaties.0.maxVertrouwelijkheidaanduiding", "code": "required"}]}
--- sql_check
SELECT label FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
Oud
0



=== TEST 74: partial update (PATCH): ac-003 applies to the new autorisaties
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"autorisaties": [{"component": "drc", "scopes": ["documenten.aanmaken"],
                   "informatieobjecttype": "https://ztc.example/iot/1"}]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [
   {"name": "autorisaties.0.maxVertrouwelijkheidaanduiding", "code": "required",
    "reason": "Dit veld is verplicht als de `component` drc is"}]}



=== TEST 75: partial update (PATCH): a client id of another applicatie is clientId-exists
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Een', 'z1');
main::zrc_app('11111111-1111-4111-8111-000000000002', 'Twee', 'z2');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z2"]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"invalidParams": [{"name": "clientIds", "code": "clientId-exists",
   "reason": "/\\bz2\\b.*11111111-1111-4111-8111-000000000002/"}]}
--- sql_check
SELECT client_id, applicatie FROM autorisaties.client_id WHERE client_id <> 'super' ORDER BY 1;
SELECT count(*) FROM autorisaties.jwt_secret WHERE client_id <> 'super';
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
z1|11111111-1111-4111-8111-000000000001
z2|11111111-1111-4111-8111-000000000002
0
0



=== TEST 76: partial update (PATCH): keeping its own client ids and adding one is fine; secrets created
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Een', 'z1');
main::zrc_app('11111111-1111-4111-8111-000000000002', 'Twee', 'z2');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"clientIds": ["z1", "z1b"]}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- json_subset
{"clientIds": ["z1", "z1b"], "label": "Een"}
--- sql_check
SELECT client_id, applicatie FROM autorisaties.client_id WHERE client_id <> 'super' ORDER BY 1;
SELECT client_id, secret FROM autorisaties.jwt_secret WHERE client_id <> 'super' ORDER BY 1;
SELECT bericht->>'actie' FROM zgw.notificatie;
--- sql_check_out
z1|11111111-1111-4111-8111-000000000001
z1b|11111111-1111-4111-8111-000000000001
z2|11111111-1111-4111-8111-000000000002
z1|
z1b|
partial_update



=== TEST 77: partial update (PATCH): unknown uuid is 404, also with an invalid body
--- init
main::seed();
--- request eval
["PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000009
{\"label\": \"q\"}",
 "PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000009
{\"label\": \"\", \"heeftAlleAutorisaties\": \"ja\"}"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(404) x 2]
--- json_subset
{"code": "not_found", "status": 404}
--- json_absent
invalidParams



=== TEST 78: partial update (PATCH): an empty object changes nothing and still notifies
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Oud', 'z1');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{}
--- more_headers eval
main::hdr_json('super')
--- error_code: 200
--- json_subset
{"label": "Oud", "clientIds": ["z1"], "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"]}]}
--- sql_check
SELECT count(*) FROM autorisaties.autorisatie;
SELECT bericht->>'actie' FROM zgw.notificatie;
--- sql_check_out
1
partial_update



=== TEST 79: delete: 204 with an empty body, rows gone, notification "destroy"
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Weg', 'w1', 'w2');
main::zrc_app('11111111-1111-4111-8111-000000000002', 'Blijft', 'b1');
--- request
DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
--- more_headers eval
main::hdr('super')
--- error_code: 204
--- response_body chomp
--- response_headers
API-version: 1.0.0
--- sql_check
SELECT count(*) FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001';
SELECT count(*) FROM autorisaties.autorisatie
 WHERE applicatie_uuid = '11111111-1111-4111-8111-000000000001';
SELECT client_id FROM autorisaties.client_id WHERE client_id <> 'super' ORDER BY 1;
SELECT count(*) FROM autorisaties.autorisatie;
SELECT kanaal, bericht->>'kanaal', bericht->>'actie', bericht->>'resource',
       bericht->>'hoofdObject', bericht->>'resourceUrl', bericht->'kenmerken',
       bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
  FROM zgw.notificatie;
--- sql_check_out
0
0
b1
1
autorisaties|autorisaties|destroy|applicatie|http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001|http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001|{}|t



=== TEST 80: delete: a second delete is 404, no second notification
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Weg', 'w1');
--- request eval
["DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001"]
--- more_headers eval
main::hdr('super')
--- error_code eval
[204, 404, 404]
--- response_body_like eval
[qr/\A\z/, qr/"code":\s*"not_found"/, qr/"code":\s*"not_found"/]



=== TEST 81: delete: notification count after the repeated delete
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Weg', 'w1');
--- request eval
["DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001"]
--- more_headers eval
main::hdr('super')
--- error_code eval
[204, 404]
--- sql_check
SELECT bericht->>'actie', count(*) FROM zgw.notificatie GROUP BY 1
--- sql_check_out
destroy|1



=== TEST 82: consumer: the applicatie of a client id, as a single object
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'Consument', 'k1', 'k2');
main::zrc_app('11111111-1111-4111-8111-000000000002', 'Ander', 'k3');
--- request
GET /autorisaties/api/v1/applicaties/consumer?clientId=k2
--- more_headers eval
main::hdr('super')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "clientIds": ["k1", "k2"], "label": "Consument", "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "zrc", "componentWeergave": "Zaken API",
                   "scopes": ["zaken.lezen"],
                   "zaaktype": "https://ztc.example/zaaktypen/1",
                   "maxVertrouwelijkheidaanduiding": "beperkt_openbaar"}]}
--- json_absent
count
results



=== TEST 83: consumer: unknown client id is 404
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties/consumer?clientId=onbekend
--- more_headers eval
main::hdr('super')
--- error_code: 404
--- response_headers
Content-Type: application/problem+json
--- json_subset
{"code": "not_found", "status": 404}



=== TEST 84: consumer: clientId is required
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties/consumer
--- more_headers eval
main::hdr('super')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset
{"code": "invalid", "title": "Ongeldige invoer.",
 "invalidParams": [{"name": "clientId", "code": "required",
                    "reason": "Dit veld is verplicht."}]}



=== TEST 85: consumer: an unknown parameter is 400 unknown-parameters
--- init
main::seed();
--- request
GET /autorisaties/api/v1/applicaties/consumer?clientId=super&foo=1
--- more_headers eval
main::hdr('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "nonFieldErrors", "code": "unknown-parameters",
                    "reason": "Onbekende query parameters: foo"}]}



=== TEST 86: 405: PATCH /applicaties
--- init
main::seed();
--- request
PATCH /autorisaties/api/v1/applicaties
{"label": "x"}
--- more_headers eval
main::hdr_json('super')
--- error_code: 405
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- response_headers_like
Allow: (?=.*\bGET\b)(?=.*\bPOST\b)(?!.*\bPATCH\b)(?!.*\bDELETE\b).*
--- json_subset
{"code": "method_not_allowed", "status": 405,
 "title": "Methode \"{method}\" niet toegestaan.",
 "detail": "Methode \"PATCH\" niet toegestaan.",
 "type": "http://localhost/ref/fouten/MethodNotAllowed/"}
--- json_absent
invalidParams



=== TEST 87: 405: POST /applicaties/{uuid}
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request
POST /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{"label": "x"}
--- more_headers eval
main::hdr_json('super')
--- error_code: 405
--- response_headers_like
Allow: (?=.*\bGET\b)(?=.*\bPUT\b)(?=.*\bPATCH\b)(?=.*\bDELETE\b)(?!.*\bPOST\b).*
--- json_subset
{"code": "method_not_allowed", "detail": "Methode \"POST\" niet toegestaan."}
--- sql_check
SELECT count(*) FROM zgw.notificatie
--- sql_check_out
0



=== TEST 88: 405: DELETE /applicaties/consumer
--- init
main::seed();
--- request
DELETE /autorisaties/api/v1/applicaties/consumer
--- more_headers eval
main::hdr('super')
--- error_code: 405
--- response_headers_like
Allow: (?=.*\bGET\b)(?!.*\bDELETE\b)(?!.*\bPOST\b).*
--- json_subset
{"code": "method_not_allowed", "detail": "Methode \"DELETE\" niet toegestaan."}



=== TEST 89: 405: POST /applicaties/consumer
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties/consumer
{}
--- more_headers eval
main::hdr_json('super')
--- error_code: 405
--- response_headers_like
Allow: (?=.*\bGET\b)(?!.*\bDELETE\b)(?!.*\bPOST\b).*
--- json_subset
{"code": "method_not_allowed", "detail": "Methode \"POST\" niet toegestaan."}



=== TEST 90: 405: PUT and DELETE /applicaties
--- init
main::seed();
--- request eval
["PUT /autorisaties/api/v1/applicaties\n{}",
 "DELETE /autorisaties/api/v1/applicaties"]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(405) x 2]
--- json_subset
{"code": "method_not_allowed"}
--- response_body_like eval
[qr/"detail":\s*"Methode \\"PUT\\" niet toegestaan\."/,
 qr/"detail":\s*"Methode \\"DELETE\\" niet toegestaan\."/]



=== TEST 91: 405 comes before the authorisation check
--- init
main::seed();
--- request
PATCH /autorisaties/api/v1/applicaties
--- more_headers eval
main::hdr(undef)
--- error_code: 405
--- json_subset
{"code": "method_not_allowed", "detail": "Methode \"PATCH\" niet toegestaan."}



=== TEST 92: scopes: autorisaties.lezen may list, read and use consumer
--- init
main::seed(clients => 1);
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request eval
["GET /autorisaties/api/v1/applicaties",
 "GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "GET /autorisaties/api/v1/applicaties/consumer?clientId=x"]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 3]
--- response_body_like eval
[qr/\A\{"count":\s*4,/,
 qr/\A\{"url":\s*"http:\/\/localhost\/autorisaties\/api\/v1\/applicaties\/11111111-1111-4111-8111-000000000001",/,
 qr/\A\{"url":\s*"http:\/\/localhost\/autorisaties\/api\/v1\/applicaties\/11111111-1111-4111-8111-000000000001",/]



=== TEST 93: scopes: autorisaties.lezen may not create, update, patch or delete
--- init
main::seed(clients => 1);
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request eval
["POST /autorisaties/api/v1/applicaties
{\"clientIds\": [\"n\"], \"label\": \"n\", \"heeftAlleAutorisaties\": true}",
 "PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{\"clientIds\": [\"x\"], \"label\": \"n\"}",
 "PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{\"label\": \"n\"}",
 "DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001"]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 4]
--- response_headers eval
[(<<'_OZ_EACH_') x 4]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"code": "permission_denied", "status": 403,
 "title": "Je hebt geen toestemming om deze actie uit te voeren.",
 "type": "http://localhost/ref/fouten/PermissionDenied/"}
--- sql_check
SELECT label FROM autorisaties.applicatie ORDER BY id;
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
Superuser
Lezer
Schrijver
X
0



=== TEST 94: scopes: 403 comes before body validation for Autorisaties creates
--- init
main::seed(clients => 1);
--- request
POST /autorisaties/api/v1/applicaties
{"label": ""}
--- more_headers eval
main::hdr_json('lezer')
--- error_code: 403
--- json_subset
{"code": "permission_denied"}
--- json_absent
invalidParams



=== TEST 95: scopes: autorisaties.bijwerken alone may not list or read
--- init
main::seed(clients => 1);
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request eval
["GET /autorisaties/api/v1/applicaties",
 "GET /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001",
 "GET /autorisaties/api/v1/applicaties/consumer?clientId=x"]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[(403) x 3]
--- json_subset
{"code": "permission_denied", "status": 403}



=== TEST 96: scopes: autorisaties.bijwerken may create, patch and delete
--- init
main::seed(clients => 1);
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request eval
["POST /autorisaties/api/v1/applicaties
{\"clientIds\": [\"n\"], \"label\": \"n\", \"heeftAlleAutorisaties\": true}",
 "PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{\"label\": \"Y\"}",
 "DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001"]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[201, 200, 204]
--- sql_check
SELECT bericht->>'actie' FROM zgw.notificatie ORDER BY id
--- sql_check_out eval
# checked after every response: the outbox grows by one row per request
["create", "create\npartial_update", "create\npartial_update\ndestroy"]



=== TEST 97: scopes: without a token every operation is 403
--- init
main::seed();
--- request eval
["GET /autorisaties/api/v1/applicaties",
 "POST /autorisaties/api/v1/applicaties
{\"clientIds\": [\"n\"], \"label\": \"n\", \"heeftAlleAutorisaties\": true}"]
--- more_headers eval
main::hdr_json(undef)
--- error_code eval
[(403) x 2]
--- json_subset
{"code": "permission_denied"}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 98: scopes: a token with a wrong signature may not write
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request eval
["POST /autorisaties/api/v1/applicaties
{\"clientIds\": [\"n\"], \"label\": \"n\", \"heeftAlleAutorisaties\": true}",
 "DELETE /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001"]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 'not-the-secret')
. "\nHost: localhost\nContent-Type: application/json\n"
--- error_code eval
[(403) x 2]
--- json_subset
{"code": "invalid-jwt-signature"}
--- sql_check
SELECT label FROM autorisaties.applicatie ORDER BY id;
SELECT count(*) FROM zgw.notificatie;
--- sql_check_out
Superuser
X
0



=== TEST 99: content type: text/plain is 415
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": "x", "heeftAlleAutorisaties": true}
--- more_headers eval
main::hdr('super', 'Content-Type: text/plain')
--- error_code: 415
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "unsupported_media_type", "status": 415,
 "title": "Ongeldige media type \"{media_type}\" in aanvraag.",
 "detail": "Ongeldige media type \"text/plain\" in aanvraag.",
 "type": "http://localhost/ref/fouten/UnsupportedMediaType/"}
--- json_absent
invalidParams
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 100: content type: text/plain on PUT and PATCH is 415 too
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request eval
["PUT /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{\"clientIds\": [\"x\"], \"label\": \"y\"}",
 "PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{\"label\": \"y\"}"]
--- more_headers eval
main::hdr('super', 'Content-Type: text/plain')
--- error_code eval
[(415) x 2]
--- json_subset
{"code": "unsupported_media_type",
 "detail": "Ongeldige media type \"text/plain\" in aanvraag."}
--- sql_check
SELECT label FROM autorisaties.applicatie
 WHERE uuid = '11111111-1111-4111-8111-000000000001'
--- sql_check_out
X



=== TEST 101: content type: malformed JSON is 400 parse_error without invalidParams
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["x"], "label": 
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset
{"code": "parse_error", "status": 400, "detail": "/^JSON parse error/",
 "type": "http://localhost/ref/fouten/ParseError/"}
--- json_absent
invalidParams
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0



=== TEST 102: content type: malformed JSON on PATCH is 400 parse_error
--- init
main::seed();
main::zrc_app('11111111-1111-4111-8111-000000000001', 'X', 'x');
--- request
PATCH /autorisaties/api/v1/applicaties/11111111-1111-4111-8111-000000000001
{label: 'x'}
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "parse_error", "detail": "/^JSON parse error/"}
--- json_absent
invalidParams



=== TEST 103: content type: a JSON array body is nonFieldErrors invalid
--- init
main::seed();
--- request
POST /autorisaties/api/v1/applicaties
[{"clientIds": ["x"], "label": "x", "heeftAlleAutorisaties": true}]
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "nonFieldErrors", "code": "invalid",
     "reason": "Ongeldige data. Verwacht een dictionary, kreeg een list."}]}
--- sql_check
SELECT (SELECT count(*) FROM autorisaties.applicatie),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
1|0
