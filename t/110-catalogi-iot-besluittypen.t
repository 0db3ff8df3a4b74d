# Catalogi API 1.3.1: informatieobjecttypen, besluittypen and
# zaaktype-informatieobjecttypen, end to end.
#
# Sources of the expectations, in this order: the OAS
# (../shared/reference/specs/catalogi-openapi.yaml) and the standard's text
# (standaard/zgw-1.5/standaard/catalogi/index.md: ztc-009 .. ztc-013), then
# Open Zaak's behaviour (ZGW-INVENTORY.md 1.3, 2.3, 4.3, 4.5) and its error
# codes (ERROR-CODES.md 1.4, 2.1, 2.3, 2.8).  Catalogussen, zaaktypen
# (t/100), the types below a zaaktype (t/120) and the cross-cutting
# behaviour (t/130: scopes, ETag/HEAD, pagination, content types) are
# tested elsewhere; this file only touches them where these three
# resources need them.
#
# Conventions of this file
#
# * Every block starts from a known database: `--- init` calls main::seed(),
#   which empties the module's tables, creates the clients below and the
#   catalogussen C1 and C2.  Fixtures are inserted with SQL under fixed
#   uuids (main::iot, main::bt, main::zt, main::st, main::ztiot), so blocks
#   are independent and can address them:
#
#       catalogussen                 c0000000-0000-4000-8000-00000000000N
#       informatieobjecttypen        10000000-0000-4000-8000-00000000000N
#       besluittypen                 20000000-0000-4000-8000-00000000000N
#       zaaktypen                    30000000-0000-4000-8000-00000000000N
#       statustypen                  40000000-0000-4000-8000-00000000000N
#       zaaktype-informatieobjecttypen 50000000-0000-4000-8000-00000000000N
#
#   ...-000000000009 never exists.  Relations between versioned types are
#   stored by key (omschrijving / identificatie, ztc-011a..c); the seed
#   helpers take the key.
# * Clients (same uuids, secrets and autorisaties in every block, so a
#   worker's auth cache never holds anything that differs from the
#   database):
#       super      heeftAlleAutorisaties
#       lezer      ztc: catalogi.lezen
#       schrijver  ztc: catalogi.lezen, catalogi.schrijven
#       forceer    ztc: catalogi.lezen, catalogi.geforceerd-schrijven,
#                  catalogi.geforceerd-verwijderen (no catalogi.schrijven)
# * main::hdr(WHO, EXTRA...) gives the request headers: a bearer token for
#   WHO and "Host: localhost", so URLs render as http://localhost/...;
#   main::hdr_json adds Content-Type: application/json.  $U{iot1} (and
#   main::u(iot => 1)) give the URL of a fixture, main::p(iot => 1) its
#   path; main::req(METHOD, PATH, BODY) builds a request (BODY a Perl
#   structure, sent as JSON).
# * Expected bodies are `--- json_subset eval` structures: main::invalid(
#   [name, code, reason], ...) is a ValidatieFout with exactly these
#   invalidParams (reason left out: not compared), main::fout(status, code,
#   class) a Fout, main::list_of([iot => 1], ...) a list of exactly these
#   fixtures in any order.
# * Database state after a request (the rows, the notification outbox
#   zgw.notificatie) is checked with
#
#       --- sql_check       SQL, run right after the response arrived
#       --- sql_check_out   the expected psql -A -t output
#
#   as in t/020-autorisaties.t (both may be `eval` arrays, one per request).
# * Dates: relations resolve on today's date unless datumGeldigheid is
#   given.  Fixtures are valid from 2020 or 2021 on with an open end, or
#   ended in 2020, or start in 2099, so any day from 2021 to 2098 gives the
#   same results; no block sleeps or looks at the clock.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();
oz_setup(apis => ['catalogi']);

our $BASE = 'http://localhost/catalogi/api/v1';

our %CLIENT = (
    super     => ['aaaaaaaa-0000-4000-8000-000000000001', 's3cret', undef],
    lezer     => ['aaaaaaaa-0000-4000-8000-000000000002', 'lezer-secret',
                  ['catalogi.lezen']],
    schrijver => ['aaaaaaaa-0000-4000-8000-000000000003', 'schrijver-secret',
                  ['catalogi.lezen', 'catalogi.schrijven']],
    forceer   => ['aaaaaaaa-0000-4000-8000-000000000004', 'forceer-secret',
                  ['catalogi.lezen', 'catalogi.geforceerd-schrijven',
                   'catalogi.geforceerd-verwijderen']],
);

# uuid of fixture N of a kind
sub main::id {
    my ($kind, $n) = @_;
    my %prefix = (cat => 'c0000000', iot => '10000000', bt => '20000000',
                  zt => '30000000', st => '40000000', ztiot => '50000000');
    return sprintf('%s-0000-4000-8000-%012d', $prefix{$kind}, $n);
}

# URL of fixture N of a kind
sub main::u {
    my ($kind, $n) = @_;
    my %path = (cat => 'catalogussen', iot => 'informatieobjecttypen',
                bt => 'besluittypen', zt => 'zaaktypen', st => 'statustypen',
                ztiot => 'zaaktype-informatieobjecttypen');
    return "$BASE/$path{$kind}/" . main::id($kind, $n);
}

our %U = map { my ($k, $n) = /^(\w+?)(\d+)$/; ($_ => main::u($k, $n)) }
    map { my $k = $_; map { "$k$_" } 1 .. 9 } qw(cat iot bt zt st ztiot);

sub main::sqlq { OZ::Test::oz_quote(@_) }

sub main::seed {
    OZ::Test::oz_reset();
    # one psql run for the clients and the catalogussen (what oz_client
    # does, for all four at once)
    my $q = \&main::sqlq;
    my $sql = '';
    for my $who (sort keys %CLIENT) {
        my ($uuid, $secret, $scopes) = @{ $CLIENT{$who} };
        $sql .= sprintf(
            "INSERT INTO autorisaties.jwt_secret (client_id, secret)"
            . " VALUES (%s, %s);\n"
            . "INSERT INTO autorisaties.applicatie (uuid, client_ids, label,"
            . " heeft_alle_autorisaties) VALUES (%s, ARRAY[%s], %s, %s);\n",
            $q->($who), $q->($secret), $q->($uuid), $q->($who), $q->($who),
            $scopes ? 'false' : 'true');
        $sql .= sprintf(
            "INSERT INTO autorisaties.autorisatie (applicatie_uuid, position,"
            . " component, scopes) VALUES (%s, 0, 'ztc', ARRAY[%s]::text[]);\n",
            $q->($uuid), join(',', map { $q->($_) } @$scopes))
            if $scopes;
    }
    $sql .= sprintf(<<'_SQL_', main::id(cat => 1), main::id(cat => 2));
INSERT INTO catalogi.catalogus (uuid, domein, rsin, contactpersoon_beheer_naam,
                                naam)
VALUES ('%s', 'EEN', '517439943', 'Jan', 'Catalogus een'),
       ('%s', 'TWEE', '517439943', 'Piet', 'Catalogus twee');
_SQL_
    OZ::Test::oz_psql($sql);
    return;
}

# main::iot(N, omschrijving => 'Brief', cat => 1, concept => 1,
#           begin => '2020-01-01', einde => undef, va => 'openbaar',
#           categorie => 'Brief', trefwoord => [...])
sub main::iot {
    my ($n, %a) = @_;
    my $q = \&main::sqlq;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.informatieobjecttype (uuid, catalogus,"
        . " omschrijving, vertrouwelijkheidaanduiding, begin_geldigheid,"
        . " einde_geldigheid, concept, informatieobjectcategorie, trefwoord,"
        . " omschrijving_generiek)"
        . " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, ARRAY[%s]::text[],"
        . " jsonb_build_object("
        . "'informatieobjecttypeOmschrijvingGeneriek', '',"
        . " 'definitieInformatieobjecttypeOmschrijvingGeneriek', '',"
        . " 'herkomstInformatieobjecttypeOmschrijvingGeneriek', '',"
        . " 'hierarchieInformatieobjecttypeOmschrijvingGeneriek', '',"
        . " 'opmerkingInformatieobjecttypeOmschrijvingGeneriek', ''))",
        $q->(main::id(iot => $n)), $q->(main::id(cat => $a{cat} // 1)),
        $q->($a{omschrijving} // 'Brief'), $q->($a{va} // 'openbaar'),
        $q->($a{begin} // '2020-01-01'), $q->($a{einde}),
        ($a{concept} // 1) ? 'true' : 'false',
        $q->($a{categorie} // 'Correspondentie'),
        join(',', map { $q->($_) } @{ $a{trefwoord} || [] })));
    return;
}

# main::bt(N, omschrijving => 'Vergunning', cat => 1, concept => 1,
#          begin => '2020-01-01', einde => undef, iots => ['Brief'])
sub main::bt {
    my ($n, %a) = @_;
    my $q = \&main::sqlq;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.besluittype (uuid, catalogus, omschrijving,"
        . " publicatie_indicatie, informatieobjecttypen, begin_geldigheid,"
        . " einde_geldigheid, concept)"
        . " VALUES (%s, %s, %s, false, ARRAY[%s]::text[], %s, %s, %s)",
        $q->(main::id(bt => $n)), $q->(main::id(cat => $a{cat} // 1)),
        $q->($a{omschrijving} // 'Vergunning'),
        join(',', map { $q->($_) } @{ $a{iots} || [] }),
        $q->($a{begin} // '2020-01-01'), $q->($a{einde}),
        ($a{concept} // 1) ? 'true' : 'false'));
    return;
}

# main::zt(N, identificatie => 'ZT-N', cat => 1, concept => 1,
#          begin => '2020-01-01', einde => undef, besluittypen => [...])
sub main::zt {
    my ($n, %a) = @_;
    my $q = \&main::sqlq;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie,"
        . " omschrijving, vertrouwelijkheidaanduiding, doel, aanleiding,"
        . " indicatie_intern_of_extern, handeling_initiator, onderwerp,"
        . " handeling_behandelaar, doorlooptijd, opschorting_en_aanhouding_mogelijk,"
        . " verlenging_mogelijk, publicatie_indicatie, referentieproces,"
        . " concept, verantwoordelijke, begin_geldigheid, einde_geldigheid,"
        . " versiedatum, besluittypen)"
        . " VALUES (%s, %s, %s, %s, 'openbaar', 'Doel', 'Aanleiding', 'extern',"
        . " 'Aanvragen', 'Vergunning', 'Behandelen', 'P30D', false, false,"
        . " false, '{\"naam\": \"Proces\", \"link\": \"\"}', %s, '100000009',"
        . " %s, %s, %s, ARRAY[%s]::text[])",
        $q->(main::id(zt => $n)), $q->(main::id(cat => $a{cat} // 1)),
        $q->($a{identificatie} // "ZT-$n"), $q->("Zaaktype $n"),
        ($a{concept} // 1) ? 'true' : 'false', $q->($a{begin} // '2020-01-01'),
        $q->($a{einde}), $q->($a{begin} // '2020-01-01'),
        join(',', map { $q->($_) } @{ $a{besluittypen} || [] })));
    return;
}

# main::st(N, zaaktype => M, volgnummer => 1)
sub main::st {
    my ($n, %a) = @_;
    my $q = \&main::sqlq;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.statustype (uuid, zaaktype, omschrijving,"
        . " volgnummer) VALUES (%s, %s, %s, %d)",
        $q->(main::id(st => $n)), $q->(main::id(zt => $a{zaaktype} // 1)),
        $q->("Status $n"), $a{volgnummer} // $n));
    return;
}

# main::ztiot(N, zaaktype => M, iot => 'Brief', volgnummer => 1,
#             richting => 'inkomend', statustype => K)
sub main::ztiot {
    my ($n, %a) = @_;
    my $q = \&main::sqlq;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.zaaktypeinformatieobjecttype (uuid, zaaktype,"
        . " informatieobjecttype, volgnummer, richting, statustype)"
        . " VALUES (%s, %s, %s, %d, %s, %s)",
        $q->(main::id(ztiot => $n)), $q->(main::id(zt => $a{zaaktype} // 1)),
        $q->($a{iot} // 'Brief'), $a{volgnummer} // $n,
        $q->($a{richting} // 'inkomend'),
        $q->(defined $a{statustype} ? main::id(st => $a{statustype}) : undef)));
    return;
}

# A request line (path below /catalogi/api/v1) and, when given, a JSON body.
our $JSON = JSON::PP->new->utf8(0)->canonical;
sub main::req {
    my ($method, $path, $body) = @_;
    my $r = "$method /catalogi/api/v1$path";
    $r .= "\n" . $JSON->encode($body) if defined $body;
    return $r;
}

# Path of fixture N of a kind, below /catalogi/api/v1.
sub main::p {
    my ($kind, $n, $suffix) = @_;
    (my $url = main::u($kind, $n)) =~ s{^\Q$BASE\E}{};
    return $url . ($suffix // '');
}

# json_subset of a ValidatieFout with these [name, code, reason] entries
# (reason left out: not compared; a qr// or "/re/": matched).
sub main::invalid {
    my @params = map {
        my ($name, $code, $reason) = @$_;
        { name => $name, code => $code,
          defined $reason ? (reason => $reason) : () }
    } @_;
    return { type => 'http://localhost/ref/fouten/ValidationError/',
             code => 'invalid', title => 'Ongeldige invoer.', status => 400,
             detail => 'Ongeldige invoer.',
             instance => qr/^urn:uuid:[0-9a-f]{8}-[0-9a-f-]{27}$/,
             invalidParams => \@params };
}

# json_subset of a Fout
sub main::fout {
    my ($status, $code, $class) = @_;
    return { type => "http://localhost/ref/fouten/$class/", code => $code,
             status => $status,
             instance => qr/^urn:uuid:[0-9a-f]{8}-[0-9a-f-]{27}$/ };
}

# A regex a JSON array (as canonical JSON) matches when it holds every one
# of these strings; with a json_subset "count" it pins a set of results.
sub main::holds {
    my @want = @_;
    my $re = join '', map { '(?=.*"' . quotemeta($_) . '")' } @want;
    return qr/\A$re/s;
}

our $REQUIRED = 'Dit veld is verplicht.';
our $LEEG = 'Dit veld mag niet leeg zijn.';

# The informatieobjecttypen of the list blocks:
#   1 Brief             C1 published 2020-01-01 .. 2020-12-31
#   2 Brief             C1 published 2021-01-01 .. (open)
#   3 Aanvraagformulier C1 concept   2020-01-01 .. (open)
#   4 Besluitbrief      C2 published 2020-01-01 .. (open)
#   5 Bijlage           C1 published 2020-06-01 .. 2020-06-30
sub main::iot_list_fixtures {
    main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
    main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
    main::iot(3, omschrijving => 'Aanvraagformulier');
    main::iot(4, omschrijving => 'Besluitbrief', concept => 0, cat => 2);
    main::iot(5, omschrijving => 'Bijlage', concept => 0, begin => '2020-06-01',
              einde => '2020-06-30');
    return;
}

# The besluittypen of the list blocks (and what they relate to):
#   iot 1 Brief C1, iot 2 Bijlage C1, iot 3 Brief C2: published
#   bt 1 Vergunning C1 published 2020-01-01 .. 2020-12-31  [Brief]
#   bt 2 Vergunning C1 published 2021-01-01 .. (open)      [Brief]
#   bt 3 Ontheffing C1 concept                              []
#   bt 4 Vergunning C2 published                            [Brief]
#   bt 5 Subsidie   C1 published 2020-06-01 .. 2020-06-30  [Bijlage]
#   zt 1 ZT-1 C1 published [Vergunning]; zt 2 ZT-2 C1 published
#   [Subsidie, Ontheffing]
sub main::bt_list_fixtures {
    main::iot(1, omschrijving => 'Brief', concept => 0);
    main::iot(2, omschrijving => 'Bijlage', concept => 0);
    main::iot(3, omschrijving => 'Brief', concept => 0, cat => 2);
    main::bt(1, omschrijving => 'Vergunning', concept => 0, einde => '2020-12-31',
             iots => ['Brief']);
    main::bt(2, omschrijving => 'Vergunning', concept => 0, begin => '2021-01-01',
             iots => ['Brief']);
    main::bt(3, omschrijving => 'Ontheffing');
    main::bt(4, omschrijving => 'Vergunning', concept => 0, cat => 2,
             iots => ['Brief']);
    main::bt(5, omschrijving => 'Subsidie', concept => 0, begin => '2020-06-01',
             einde => '2020-06-30', iots => ['Bijlage']);
    main::zt(1, identificatie => 'ZT-1', concept => 0,
             besluittypen => ['Vergunning']);
    main::zt(2, identificatie => 'ZT-2', concept => 0,
             besluittypen => ['Subsidie', 'Ontheffing']);
    return;
}

# A list response of exactly these fixtures (any order).
sub main::list_of {
    my @urls = map { main::u(@$_) } @_;
    return { count => scalar @urls, previous => undef, next => undef,
             results => @urls ? main::holds(@urls) : [] };
}

sub main::hdr {
    my ($who, @extra) = @_;
    my @h;
    push @h, OZ::Test::oz_bearer(client_id => $who,
                                 secret => $CLIENT{$who}[1])
        if defined $who;
    push @h, 'Host: localhost', @extra;
    return join("\n", @h) . "\n";
}

sub main::hdr_json {
    my ($who, @extra) = @_;
    return main::hdr($who, 'Content-Type: application/json', @extra);
}

# Nothing may be logged at [alert], [crit] or [emerg] (nor [error], unless
# a block says otherwise).
add_block_preprocessor(sub {
    my ($block) = @_;
    $block->set_value(no_error_log => "[error]\n[crit]\n[alert]\n[emerg]")
        unless defined $block->no_error_log;
});

run_tests();

__DATA__

=== TEST 1: iot create: the required fields only: 201, Location, defaults, the notification
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Aanvraag',
     vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'Formulier'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- response_headers_like
Location: http://localhost/catalogi/api/v1/informatieobjecttypen/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}
--- json_subset eval
{url => qr{^http://localhost/catalogi/api/v1/informatieobjecttypen/[0-9a-f-]{36}$},
 catalogus => $main::U{cat1}, omschrijving => 'Aanvraag',
 vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
 eindeGeldigheid => undef, concept => JSON::PP::true, besluittypen => [],
 informatieobjectcategorie => 'Formulier', trefwoord => [],
 omschrijvingGeneriek => {
     informatieobjecttypeOmschrijvingGeneriek => '',
     definitieInformatieobjecttypeOmschrijvingGeneriek => '',
     herkomstInformatieobjecttypeOmschrijvingGeneriek => '',
     hierarchieInformatieobjecttypeOmschrijvingGeneriek => '',
     opmerkingInformatieobjecttypeOmschrijvingGeneriek => ''},
 zaaktypen => [], beginObject => '2020-01-01', eindeObject => undef}
--- sql_check
SELECT omschrijving, vertrouwelijkheidaanduiding, begin_geldigheid,
       einde_geldigheid IS NULL, concept, informatieobjectcategorie
  FROM catalogi.informatieobjecttype;
SELECT n.kanaal, n.bericht->>'kanaal', n.bericht->>'resource',
       n.bericht->>'actie',
       n.bericht->>'hoofdObject' = 'http://localhost/catalogi/api/v1/informatieobjecttypen/' || i.uuid,
       n.bericht->>'resourceUrl' = 'http://localhost/catalogi/api/v1/informatieobjecttypen/' || i.uuid,
       n.bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$',
       n.bericht->'kenmerken', n.verzonden IS NULL
  FROM zgw.notificatie n, catalogi.informatieobjecttype i;
--- sql_check_out
Aanvraag|openbaar|2020-01-01|t|t|Formulier
informatieobjecttypen|informatieobjecttypen|informatieobjecttype|create|t|t|t|{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/c0000000-0000-4000-8000-000000000001"}|t



=== TEST 2: iot create: every field; read-only and unknown keys are ignored
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Besluitbrief',
     vertrouwelijkheidaanduiding => 'zeer_geheim',
     beginGeldigheid => '2021-02-03', eindeGeldigheid => '2030-12-31',
     informatieobjectcategorie => 'Brief', trefwoord => ['besluit', 'post'],
     omschrijvingGeneriek => {
         informatieobjecttypeOmschrijvingGeneriek => 'Brief',
         definitieInformatieobjecttypeOmschrijvingGeneriek => 'Een brief',
         herkomstInformatieobjecttypeOmschrijvingGeneriek => 'VNG',
         hierarchieInformatieobjecttypeOmschrijvingGeneriek => 'Hoog',
         opmerkingInformatieobjecttypeOmschrijvingGeneriek => 'Geen'},
     url => 'http://evil.example/x', concept => JSON::PP::false,
     zaaktypen => [$main::U{zt1}], besluittypen => [$main::U{bt1}],
     beginObject => '1999-01-01', onbekend => 1})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{url => qr{^http://localhost/catalogi/api/v1/informatieobjecttypen/[0-9a-f-]{36}$},
 catalogus => $main::U{cat1}, omschrijving => 'Besluitbrief',
 vertrouwelijkheidaanduiding => 'zeer_geheim', beginGeldigheid => '2021-02-03',
 eindeGeldigheid => '2030-12-31', concept => JSON::PP::true, besluittypen => [],
 informatieobjectcategorie => 'Brief', trefwoord => ['besluit', 'post'],
 omschrijvingGeneriek => {
     informatieobjecttypeOmschrijvingGeneriek => 'Brief',
     definitieInformatieobjecttypeOmschrijvingGeneriek => 'Een brief',
     herkomstInformatieobjecttypeOmschrijvingGeneriek => 'VNG',
     hierarchieInformatieobjecttypeOmschrijvingGeneriek => 'Hoog',
     opmerkingInformatieobjecttypeOmschrijvingGeneriek => 'Geen'},
 zaaktypen => [], beginObject => '2021-02-03', eindeObject => '2030-12-31'}
--- json_absent
onbekend
--- sql_check
SELECT omschrijving, concept, trefwoord, einde_geldigheid
  FROM catalogi.informatieobjecttype
--- sql_check_out
Besluitbrief|t|{besluit,post}|2030-12-31



=== TEST 3: iot create: every vertrouwelijkheidaanduiding of the enum is accepted
--- init
main::seed();
--- request eval
[map { main::req(POST => '/informatieobjecttypen',
           {catalogus => $main::U{cat1}, omschrijving => "IOT $_",
            vertrouwelijkheidaanduiding => $_, beginGeldigheid => '2020-01-01',
            informatieobjectcategorie => 'X'}) }
     qw(openbaar beperkt_openbaar intern zaakvertrouwelijk vertrouwelijk
        confidentieel geheim zeer_geheim)]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(201) x 8]
--- sql_check
SELECT count(*), count(DISTINCT vertrouwelijkheidaanduiding)
  FROM catalogi.informatieobjecttype
--- sql_check_out eval
[map { "$_|$_" } 1 .. 8]



=== TEST 4: iot create: omschrijvingGeneriek members may be blank (the request schema has no minLength for them)
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Leeg generiek',
     vertrouwelijkheidaanduiding => 'intern', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'Brief',
     omschrijvingGeneriek => {
         informatieobjecttypeOmschrijvingGeneriek => '',
         definitieInformatieobjecttypeOmschrijvingGeneriek => '',
         herkomstInformatieobjecttypeOmschrijvingGeneriek => '',
         hierarchieInformatieobjecttypeOmschrijvingGeneriek => ''}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{omschrijvingGeneriek => {
     informatieobjecttypeOmschrijvingGeneriek => '',
     definitieInformatieobjecttypeOmschrijvingGeneriek => '',
     herkomstInformatieobjecttypeOmschrijvingGeneriek => '',
     hierarchieInformatieobjecttypeOmschrijvingGeneriek => '',
     opmerkingInformatieobjecttypeOmschrijvingGeneriek => ''}}



=== TEST 5: iot create: an empty object: the five required fields in field order; nothing stored, no notification
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen', {})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
API-version: 1.3.1
--- json_subset eval
main::invalid(['catalogus', 'required', $main::REQUIRED],
              ['omschrijving', 'required', $main::REQUIRED],
              ['vertrouwelijkheidaanduiding', 'required', $main::REQUIRED],
              ['beginGeldigheid', 'required', $main::REQUIRED],
              ['informatieobjectcategorie', 'required', $main::REQUIRED])
--- sql_check
SELECT (SELECT count(*) FROM catalogi.informatieobjecttype),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
0|0



=== TEST 6: iot create: blank omschrijving, unknown vertrouwelijkheidaanduiding, malformed date, missing categorie: all reported, in field order
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => '',
     vertrouwelijkheidaanduiding => 'geheimzinnig',
     beginGeldigheid => '1-1-2020', eindeGeldigheid => '2020-02-30'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['omschrijving', 'blank', $main::LEEG],
              ['vertrouwelijkheidaanduiding', 'invalid_choice',
               '"geheimzinnig" is een ongeldige keuze.'],
              ['beginGeldigheid', 'invalid',
               'Date heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD.'],
              ['eindeGeldigheid', 'invalid',
               'Date heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD.'],
              ['informatieobjectcategorie', 'required', $main::REQUIRED])
--- sql_check
SELECT count(*) FROM catalogi.informatieobjecttype
--- sql_check_out
0



=== TEST 7: iot create: maximum lengths (omschrijving 80, categorie 80, trefwoord items 30, herkomst 12)
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'o' x 81,
     vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'c' x 81, trefwoord => ['kort', 't' x 31],
     omschrijvingGeneriek => {
         informatieobjecttypeOmschrijvingGeneriek => 'Brief',
         definitieInformatieobjecttypeOmschrijvingGeneriek => 'Een brief',
         herkomstInformatieobjecttypeOmschrijvingGeneriek => 'h' x 13,
         hierarchieInformatieobjecttypeOmschrijvingGeneriek => 'Hoog'}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['omschrijving', 'max_length',
               'Dit veld mag niet meer dan 80 karakters bevatten.'],
              ['informatieobjectcategorie', 'max_length',
               'Dit veld mag niet meer dan 80 karakters bevatten.'],
              ['trefwoord.1', 'max_length',
               'Dit veld mag niet meer dan 30 karakters bevatten.'],
              ['omschrijvingGeneriek.herkomstInformatieobjecttypeOmschrijvingGeneriek',
               'max_length', 'Dit veld mag niet meer dan 12 karakters bevatten.'])



=== TEST 8: iot create: exactly the maximum lengths are fine
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'o' x 80,
     vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'c' x 80, trefwoord => ['t' x 30],
     omschrijvingGeneriek => {
         informatieobjecttypeOmschrijvingGeneriek => 'i' x 80,
         definitieInformatieobjecttypeOmschrijvingGeneriek => 'd' x 255,
         herkomstInformatieobjecttypeOmschrijvingGeneriek => 'h' x 12,
         hierarchieInformatieobjecttypeOmschrijvingGeneriek => 'r' x 80,
         opmerkingInformatieobjecttypeOmschrijvingGeneriek => 'p' x 255}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{omschrijving => 'o' x 80, trefwoord => ['t' x 30],
 omschrijvingGeneriek => {herkomstInformatieobjecttypeOmschrijvingGeneriek => 'h' x 12,
                          opmerkingInformatieobjecttypeOmschrijvingGeneriek => 'p' x 255}}



=== TEST 9: iot create: an incomplete omschrijvingGeneriek names its missing members
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Brief',
     vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'Brief',
     omschrijvingGeneriek => {informatieobjecttypeOmschrijvingGeneriek => 'Brief'}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(
    ['omschrijvingGeneriek.definitieInformatieobjecttypeOmschrijvingGeneriek',
     'required', $main::REQUIRED],
    ['omschrijvingGeneriek.herkomstInformatieobjecttypeOmschrijvingGeneriek',
     'required', $main::REQUIRED],
    ['omschrijvingGeneriek.hierarchieInformatieobjecttypeOmschrijvingGeneriek',
     'required', $main::REQUIRED])



=== TEST 10: iot create: null where no null is allowed, a trefwoord that is not a list, a blank trefwoord
--- init
main::seed();
--- request eval
[main::req(POST => '/informatieobjecttypen',
     {catalogus => $main::U{cat1}, omschrijving => undef,
      vertrouwelijkheidaanduiding => undef, beginGeldigheid => undef,
      informatieobjectcategorie => 'Brief', trefwoord => 'brief'}),
 main::req(POST => '/informatieobjecttypen',
     {catalogus => $main::U{cat1}, omschrijving => 'Brief',
      vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
      informatieobjectcategorie => 'Brief', trefwoord => ['brief', '']})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- response_body_like eval
[qr/\A(?=.*"name":\s*"omschrijving",\s*"code":\s*"null")(?=.*"name":\s*"vertrouwelijkheidaanduiding",\s*"code":\s*"null")(?=.*"name":\s*"beginGeldigheid",\s*"code":\s*"null")(?=.*"name":\s*"trefwoord",\s*"code":\s*"not_a_list")/s,
 qr/\A(?=.*"name":\s*"trefwoord\.1",\s*"code":\s*"blank")/s]
--- sql_check
SELECT count(*) FROM catalogi.informatieobjecttype
--- sql_check_out
0



=== TEST 11: iot create: a catalogus that does not exist
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => main::u(cat => 9), omschrijving => 'Brief',
     vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'Brief'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['catalogus', 'does_not_exist',
               'Ongeldige hyperlink - Object bestaat niet.'])



=== TEST 12: iot create: a catalogus URL of another resource, and one matching no resource
--- init
main::seed();
main::zt(1);
--- request eval
[map { main::req(POST => '/informatieobjecttypen',
           {catalogus => $_, omschrijving => 'Brief',
            vertrouwelijkheidaanduiding => 'openbaar',
            beginGeldigheid => '2020-01-01', informatieobjectcategorie => 'Brief'}) }
     $main::U{zt1}, 'http://localhost/catalogi/api/v1/onbekend/xyz']
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- response_body_like eval
[qr/"invalidParams":\s*\[\{"name":\s*"catalogus",\s*"code":\s*"incorrect_match",\s*"reason":\s*"Ongeldige hyperlink - Ongeldige URL"\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"catalogus",\s*"code":\s*"no_match",\s*"reason":\s*"Ongeldige hyperlink - Geen overeenkomende URL\."\}\]/]



=== TEST 13: iot create: malformed JSON is a parse_error without invalidParams
--- init
main::seed();
--- request
POST /catalogi/api/v1/informatieobjecttypen
{"catalogus": "x",
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset eval
+{%{ main::fout(400, 'parse_error', 'ParseError') },
 title => 'Ongeldig samengestelde request.', detail => qr/^JSON parse error - /}
--- json_absent
invalidParams



=== TEST 14: iot create: a JSON array instead of an object
--- init
main::seed();
--- request
POST /catalogi/api/v1/informatieobjecttypen
[{"omschrijving": "Brief"}]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een list.'])



=== TEST 15: iot create needs catalogi.schrijven: a reader and a client with only the forced scopes get 403 (before validation)
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen', {omschrijving => ''})
--- more_headers eval
main::hdr_json('lezer')
--- error_code: 403
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')
--- sql_check
SELECT count(*) FROM zgw.notificatie
--- sql_check_out
0



=== TEST 16: iot create: the forced scopes do not replace catalogi.schrijven for a create
--- init
main::seed();
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Brief',
     vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'Brief'})
--- more_headers eval
main::hdr_json('forceer')
--- error_code: 403
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')
--- sql_check
SELECT count(*) FROM catalogi.informatieobjecttype
--- sql_check_out
0



=== TEST 17: iot read: a concept, with every field, for a reader
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', va => 'vertrouwelijk',
          einde => '2029-12-31', categorie => 'Correspondentie',
          trefwoord => ['post', 'brief']);
--- request eval
main::req(GET => main::p(iot => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- json_subset eval
{url => $main::U{iot1}, catalogus => $main::U{cat1}, omschrijving => 'Brief',
 vertrouwelijkheidaanduiding => 'vertrouwelijk', beginGeldigheid => '2020-01-01',
 eindeGeldigheid => '2029-12-31', concept => JSON::PP::true, besluittypen => [],
 informatieobjectcategorie => 'Correspondentie', trefwoord => ['post', 'brief'],
 omschrijvingGeneriek => {
     informatieobjecttypeOmschrijvingGeneriek => '',
     definitieInformatieobjecttypeOmschrijvingGeneriek => '',
     herkomstInformatieobjecttypeOmschrijvingGeneriek => '',
     hierarchieInformatieobjecttypeOmschrijvingGeneriek => '',
     opmerkingInformatieobjecttypeOmschrijvingGeneriek => ''},
 zaaktypen => [], beginObject => '2020-01-01', eindeObject => '2029-12-31'}



=== TEST 18: iot read: an unknown uuid and a malformed one are 404
--- init
main::seed();
main::iot(1);
--- request eval
[main::req(GET => main::p(iot => 9)),
 main::req(GET => '/informatieobjecttypen/not-a-uuid'),
 main::req(GET => '/informatieobjecttypen/10000000-0000-4000-8000-00000000000')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(404) x 3]
--- response_headers eval
[(<<'_OZ_EACH_') x 3]
Content-Type: application/problem+json
_OZ_EACH_
--- json_subset eval
main::fout(404, 'not_found', 'NotFound')



=== TEST 19: iot read: an unknown query parameter is 400
--- init
main::seed();
main::iot(1);
--- request eval
main::req(GET => main::p(iot => 1, '?foo=1'))
--- more_headers eval
main::hdr('lezer')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'unknown-parameters',
               'Onbekende query parameters: foo'])



=== TEST 20: iot list: published ones only by default (status=definitief), paginated
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
[main::req(GET => '/informatieobjecttypen'),
 main::req(GET => '/informatieobjecttypen?status=definitief')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
main::list_of([iot => 1], [iot => 2], [iot => 4], [iot => 5])



=== TEST 21: iot list: status=concept
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?status=concept')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
+{%{ main::list_of([iot => 3]) },
 results => [{url => $main::U{iot3}, concept => JSON::PP::true,
              omschrijving => 'Aanvraagformulier'}]}



=== TEST 22: iot list: status=alles
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?status=alles')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of(map { [iot => $_] } 1 .. 5)



=== TEST 23: iot list: catalogus
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
[main::req(GET => "/informatieobjecttypen?catalogus=$main::U{cat2}"),
 main::req(GET => "/informatieobjecttypen?status=alles&catalogus=$main::U{cat2}")]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
main::list_of([iot => 4])



=== TEST 24: iot list: catalogus C1 with status=alles
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => "/informatieobjecttypen?catalogus=$main::U{cat1}&status=alles")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([iot => 1], [iot => 2], [iot => 3], [iot => 5])



=== TEST 25: iot list: omschrijving is exact (case and all), omschrijving__icontains is not
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?omschrijving=Brief')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([iot => 1], [iot => 2])



=== TEST 26: iot list: omschrijving=brief (other case) finds nothing
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?omschrijving=brief')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of()



=== TEST 27: iot list: omschrijving__icontains
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?omschrijving__icontains=BRIEF')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([iot => 1], [iot => 2], [iot => 4])



=== TEST 28: iot list: omschrijving__icontains with status=alles finds the concept
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?status=alles&omschrijving__icontains=formulier')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([iot => 3])



=== TEST 29: iot list: datumGeldigheid inside a closed period, on its last day, on the first day of the next version
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
[main::req(GET => '/informatieobjecttypen?datumGeldigheid=2020-06-15'),
 main::req(GET => '/informatieobjecttypen?datumGeldigheid=2020-06-30')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
main::list_of([iot => 1], [iot => 4], [iot => 5])



=== TEST 30: iot list: datumGeldigheid on the end day of a version excludes the next one
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?datumGeldigheid=2020-12-31')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([iot => 1], [iot => 4])



=== TEST 31: iot list: datumGeldigheid on the begin day of a version
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?datumGeldigheid=2021-01-01')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([iot => 2], [iot => 4])



=== TEST 32: iot list: datumGeldigheid before everything
--- init
main::seed();
main::iot_list_fixtures();
--- request eval
main::req(GET => '/informatieobjecttypen?datumGeldigheid=2019-12-31')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of()



=== TEST 33: iot list: zaaktype gives the informatieobjecttypen of its zaaktype-informatieobjecttypen
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Aanvraag', concept => 0);
main::iot(3, omschrijving => 'Bijlage', concept => 0);
main::zt(1, identificatie => 'ZT-1');
main::zt(2, identificatie => 'ZT-2');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 1, iot => 'Aanvraag', volgnummer => 2);
main::ztiot(3, zaaktype => 2, iot => 'Bijlage', volgnummer => 1);
--- request eval
main::req(GET => "/informatieobjecttypen?zaaktype=$main::U{zt1}")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([iot => 1], [iot => 2])



=== TEST 34: iot list: status=bogus is refused
--- init
main::seed();
--- request eval
main::req(GET => '/informatieobjecttypen?status=bogus')
--- more_headers eval
main::hdr('lezer')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset eval
main::invalid(['status', 'invalid_choice',
               'Selecteer een geldige keuze. bogus is geen beschikbare keuze.'])



=== TEST 35: iot list: a datumGeldigheid that is no date is refused
--- init
main::seed();
--- request eval
[main::req(GET => '/informatieobjecttypen?datumGeldigheid=2020-13-45'),
 main::req(GET => '/informatieobjecttypen?datumGeldigheid=gisteren')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(400) x 2]
--- json_subset eval
main::invalid(['datumGeldigheid', 'invalid', 'Voer een geldige datum in.'])



=== TEST 36: iot list: catalogus and zaaktype must be URLs
--- init
main::seed();
--- request eval
[main::req(GET => '/informatieobjecttypen?catalogus=abc'),
 main::req(GET => '/informatieobjecttypen?zaaktype=abc')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(400) x 2]
--- response_body_like eval
[qr/"invalidParams":\s*\[\{"name":\s*"catalogus",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige URL in\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"zaaktype",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige URL in\."\}\]/]



=== TEST 37: iot list: unknown query parameters are refused (checked before the filters)
--- init
main::seed();
--- request eval
[main::req(GET => '/informatieobjecttypen?foo=1'),
 main::req(GET => '/informatieobjecttypen?foo=1&status=bogus'),
 main::req(GET => '/informatieobjecttypen?identificatie=X')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(400) x 3]
--- response_body_like eval
[qr/"invalidParams":\s*\[\{"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters",\s*"reason":\s*"Onbekende query parameters: foo"\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters",\s*"reason":\s*"Onbekende query parameters: foo"\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters",\s*"reason":\s*"Onbekende query parameters: identificatie"\}\]/]



=== TEST 38: iot PUT on a concept: 200, replaced, notification "update"
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', trefwoord => ['oud']);
--- request eval
main::req(PUT => main::p(iot => 1),
    {catalogus => $main::U{cat1}, omschrijving => 'Brief nieuw',
     vertrouwelijkheidaanduiding => 'intern', beginGeldigheid => '2020-02-01',
     eindeGeldigheid => '2025-01-31', informatieobjectcategorie => 'Post',
     trefwoord => ['nieuw']})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- response_headers
Content-Type: application/json
--- json_subset eval
{url => $main::U{iot1}, omschrijving => 'Brief nieuw',
 vertrouwelijkheidaanduiding => 'intern', beginGeldigheid => '2020-02-01',
 eindeGeldigheid => '2025-01-31', informatieobjectcategorie => 'Post',
 trefwoord => ['nieuw'], concept => JSON::PP::true}
--- sql_check
SELECT omschrijving, vertrouwelijkheidaanduiding, begin_geldigheid,
       einde_geldigheid, informatieobjectcategorie, trefwoord, concept
  FROM catalogi.informatieobjecttype;
SELECT kanaal, bericht->>'resource', bericht->>'actie', bericht->>'hoofdObject',
       bericht->>'resourceUrl', bericht->'kenmerken'
  FROM zgw.notificatie;
--- sql_check_out
Brief nieuw|intern|2020-02-01|2025-01-31|Post|{nieuw}|t
informatieobjecttypen|informatieobjecttype|update|http://localhost/catalogi/api/v1/informatieobjecttypen/10000000-0000-4000-8000-000000000001|http://localhost/catalogi/api/v1/informatieobjecttypen/10000000-0000-4000-8000-000000000001|{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/c0000000-0000-4000-8000-000000000001"}



=== TEST 39: iot PATCH on a concept: 200, only the given fields change, notification "partial_update"
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', va => 'geheim', trefwoord => ['oud']);
--- request eval
main::req(PATCH => main::p(iot => 1), {trefwoord => ['a', 'b']})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{url => $main::U{iot1}, omschrijving => 'Brief', vertrouwelijkheidaanduiding => 'geheim',
 trefwoord => ['a', 'b'], concept => JSON::PP::true}
--- sql_check
SELECT omschrijving, vertrouwelijkheidaanduiding, trefwoord
  FROM catalogi.informatieobjecttype;
SELECT kanaal, bericht->>'resource', bericht->>'actie', bericht->>'resourceUrl'
  FROM zgw.notificatie;
--- sql_check_out
Brief|geheim|{a,b}
informatieobjecttypen|informatieobjecttype|partial_update|http://localhost/catalogi/api/v1/informatieobjecttypen/10000000-0000-4000-8000-000000000001



=== TEST 40: iot PATCH cannot publish: concept is read-only
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
--- request eval
main::req(PATCH => main::p(iot => 1), {concept => JSON::PP::false, omschrijving => 'Brieven'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{omschrijving => 'Brieven', concept => JSON::PP::true}
--- sql_check
SELECT omschrijving, concept FROM catalogi.informatieobjecttype
--- sql_check_out
Brieven|t



=== TEST 41: iot PUT needs every required field; nothing changes
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
--- request eval
main::req(PUT => main::p(iot => 1), {trefwoord => ['x']})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['catalogus', 'required', $main::REQUIRED],
              ['omschrijving', 'required', $main::REQUIRED],
              ['vertrouwelijkheidaanduiding', 'required', $main::REQUIRED],
              ['beginGeldigheid', 'required', $main::REQUIRED],
              ['informatieobjectcategorie', 'required', $main::REQUIRED])
--- sql_check
SELECT omschrijving, trefwoord, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
Brief|{}|0



=== TEST 42: iot PATCH validates what it is given: a bad enum, and an incomplete omschrijvingGeneriek
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
--- request eval
main::req(PATCH => main::p(iot => 1),
    {vertrouwelijkheidaanduiding => 'OPENBAAR',
     omschrijvingGeneriek => {herkomstInformatieobjecttypeOmschrijvingGeneriek => 'VNG'}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['vertrouwelijkheidaanduiding', 'invalid_choice',
               '"OPENBAAR" is een ongeldige keuze.'],
              ['omschrijvingGeneriek.informatieobjecttypeOmschrijvingGeneriek',
               'required', $main::REQUIRED],
              ['omschrijvingGeneriek.definitieInformatieobjecttypeOmschrijvingGeneriek',
               'required', $main::REQUIRED],
              ['omschrijvingGeneriek.hierarchieInformatieobjecttypeOmschrijvingGeneriek',
               'required', $main::REQUIRED])
--- sql_check
SELECT vertrouwelijkheidaanduiding FROM catalogi.informatieobjecttype
--- sql_check_out
openbaar



=== TEST 43: iot PUT/PATCH of an unknown uuid is 404, whatever the body
--- init
main::seed();
--- request eval
[main::req(PUT => main::p(iot => 9), {}),
 main::req(PATCH => main::p(iot => 9), {vertrouwelijkheidaanduiding => 'x'}),
 main::req(DELETE => main::p(iot => 9)),
 main::req(POST => main::p(iot => 9, '/publish'))]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(404) x 4]
--- json_subset eval
main::fout(404, 'not_found', 'NotFound')



=== TEST 44: iot writes need a writing scope: a reader gets 403 for PUT, PATCH, DELETE and publish
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
--- request eval
[main::req(PUT => main::p(iot => 1), {}),
 main::req(PATCH => main::p(iot => 1), {omschrijving => 'X'}),
 main::req(DELETE => main::p(iot => 1)),
 main::req(POST => main::p(iot => 1, '/publish'))]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 4]
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')
--- sql_check
SELECT omschrijving, concept, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
Brief|t|0



=== TEST 45: iot PUT of a published one with catalogi.schrijven: 400 non-concept-object (ztc-009), nothing changes
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(PUT => main::p(iot => 1),
    {catalogus => $main::U{cat1}, omschrijving => 'Brief',
     vertrouwelijkheidaanduiding => 'geheim', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'Post'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-object',
               'Het is niet toegestaan om een non-concept object bij te werken'])
--- sql_check
SELECT vertrouwelijkheidaanduiding, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
openbaar|0



=== TEST 46: iot PATCH of a published one: other fields than eindeGeldigheid are refused (ztc-009)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
[main::req(PATCH => main::p(iot => 1), {trefwoord => ['extra']}),
 main::req(PATCH => main::p(iot => 1),
           {eindeGeldigheid => '2030-12-31', trefwoord => ['extra']})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-object',
               'Het is niet toegestaan om een non-concept object bij te werken'])
--- sql_check
SELECT trefwoord, einde_geldigheid IS NULL, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
{}|t|0



=== TEST 47: iot PATCH of a published one with only eindeGeldigheid is allowed (ztc-009): 200, notification
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(PATCH => main::p(iot => 1), {eindeGeldigheid => '2030-12-31'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{url => $main::U{iot1}, eindeGeldigheid => '2030-12-31', concept => JSON::PP::false,
 eindeObject => '2030-12-31'}
--- sql_check
SELECT einde_geldigheid, concept FROM catalogi.informatieobjecttype;
SELECT kanaal, bericht->>'actie' FROM zgw.notificatie;
--- sql_check_out
2030-12-31|f
informatieobjecttypen|partial_update



=== TEST 48: iot PUT and PATCH of a published one with catalogi.geforceerd-schrijven (a correctie) are allowed
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
[main::req(PUT => main::p(iot => 1),
     {catalogus => $main::U{cat1}, omschrijving => 'Brief',
      vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
      informatieobjectcategorie => 'Correspondentie', trefwoord => ['een']}),
 main::req(PATCH => main::p(iot => 1), {trefwoord => ['een', 'twee']})]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(200) x 2]
--- json_subset eval
{url => $main::U{iot1}, concept => JSON::PP::false}
--- sql_check eval
["SELECT trefwoord, concept FROM catalogi.informatieobjecttype",
 "SELECT trefwoord, concept FROM catalogi.informatieobjecttype;
  SELECT string_agg(bericht->>'actie', ',' ORDER BY id) FROM zgw.notificatie"]
--- sql_check_out eval
["{een}|f", "{een,twee}|f\nupdate,partial_update"]



=== TEST 49: iot PATCH of eindeGeldigheid on a published version may not make it overlap the next published one
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
--- request eval
[main::req(PATCH => main::p(iot => 1), {eindeGeldigheid => '2021-06-30'}),
 main::req(PATCH => main::p(iot => 1), {eindeGeldigheid => undef})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- json_subset eval
main::invalid(['eindeGeldigheid', 'overlap',
               qr/komt al voor binnen de catalogus en opgegeven geldigheidsperiode\.$/])
--- sql_check
SELECT einde_geldigheid, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype WHERE uuid = '10000000-0000-4000-8000-000000000001'
--- sql_check_out
2020-12-31|0



=== TEST 50: iot PATCH of eindeGeldigheid: versions of another omschrijving or another catalogus and concepts do not count
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', begin => '2021-01-01');
main::iot(3, omschrijving => 'Brief', concept => 0, begin => '2021-01-01', cat => 2);
main::iot(4, omschrijving => 'Bijlage', concept => 0, begin => '2021-01-01');
--- request eval
main::req(PATCH => main::p(iot => 1), {eindeGeldigheid => '2022-06-30'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{eindeGeldigheid => '2022-06-30'}



=== TEST 51: iot DELETE of a concept: 204, gone, notification "destroy"
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
--- request eval
main::req(DELETE => main::p(iot => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- response_body:
--- sql_check
SELECT count(*) FROM catalogi.informatieobjecttype;
SELECT kanaal, bericht->>'resource', bericht->>'actie', bericht->>'hoofdObject',
       bericht->>'resourceUrl', bericht->'kenmerken'
  FROM zgw.notificatie;
--- sql_check_out
0
informatieobjecttypen|informatieobjecttype|destroy|http://localhost/catalogi/api/v1/informatieobjecttypen/10000000-0000-4000-8000-000000000001|http://localhost/catalogi/api/v1/informatieobjecttypen/10000000-0000-4000-8000-000000000001|{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/c0000000-0000-4000-8000-000000000001"}



=== TEST 52: iot DELETE of a published one with catalogi.schrijven: 400 non-concept-object (ztc-009)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(DELETE => main::p(iot => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-object',
               'Alleen concepten kunnen worden verwijderd.'])
--- sql_check
SELECT count(*), (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
1|0



=== TEST 53: iot DELETE of a published one with catalogi.geforceerd-verwijderen: 204
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(DELETE => main::p(iot => 1))
--- more_headers eval
main::hdr('forceer')
--- error_code: 204
--- sql_check
SELECT count(*), (SELECT string_agg(bericht->>'actie', ',') FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
0|destroy



=== TEST 54: iot DELETE of a concept that a published zaaktype uses (zaaktype-informatieobjecttype): 400 non-concept-relation
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(DELETE => main::p(iot => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-relation'])
--- sql_check
SELECT count(*) FROM catalogi.informatieobjecttype
--- sql_check_out
1



=== TEST 55: iot DELETE of a concept that a published besluittype uses: 400 non-concept-relation
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief']);
--- request eval
main::req(DELETE => main::p(iot => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-relation'])
--- sql_check
SELECT count(*) FROM catalogi.informatieobjecttype
--- sql_check_out
1



=== TEST 56: iot DELETE of a new concept version is allowed while the published version stays in use
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Brief', begin => '2099-01-01');
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief']);
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(DELETE => main::p(iot => 2))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- sql_check
SELECT uuid FROM catalogi.informatieobjecttype
--- sql_check_out
10000000-0000-4000-8000-000000000001



=== TEST 57: iot publish: 200 with the published object, notified as an update
# (a deliberate choice, see t/130 TEST 77: Open Zaak's API /publish sends
# nothing, its admin sends an update)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', trefwoord => ['a']);
--- request eval
main::req(POST => main::p(iot => 1, '/publish'))
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- json_subset eval
{url => $main::U{iot1}, omschrijving => 'Brief', concept => JSON::PP::false,
 trefwoord => ['a']}
--- sql_check
SELECT concept, (SELECT string_agg(bericht->>'resource' || ':'
       || (bericht->>'actie'), ',') FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
f|informatieobjecttype:update



=== TEST 58: iot publish needs catalogi.schrijven: the forced scopes are not enough
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
--- request eval
main::req(POST => main::p(iot => 1, '/publish'))
--- more_headers eval
main::hdr_json('forceer')
--- error_code: 403
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')
--- sql_check
SELECT concept FROM catalogi.informatieobjecttype
--- sql_check_out
t



=== TEST 59: iot publish of a version overlapping a published one with the same omschrijving: 400 overlap, stays a concept
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Brief', begin => '2021-06-01');
--- request eval
main::req(POST => main::p(iot => 2, '/publish'))
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['beginGeldigheid', 'overlap',
               qr/^Dit informatieobjecttype komt al voor binnen de catalogus en opgegeven geldigheidsperiode\.$/i])
--- sql_check
SELECT uuid, concept FROM catalogi.informatieobjecttype ORDER BY uuid
--- sql_check_out
10000000-0000-4000-8000-000000000001|f
10000000-0000-4000-8000-000000000002|t



=== TEST 60: iot publish: no overlap with a closed earlier version, a concept, another omschrijving or another catalogus
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', begin => '2021-01-01');
main::iot(3, omschrijving => 'Brief', begin => '2021-01-01');
main::iot(4, omschrijving => 'Bijlage', concept => 0, begin => '2021-01-01');
main::iot(5, omschrijving => 'Brief', concept => 0, begin => '2021-01-01', cat => 2);
--- request eval
main::req(POST => main::p(iot => 2, '/publish'))
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{url => $main::U{iot2}, concept => JSON::PP::false, beginObject => '2020-01-01',
 eindeObject => undef}
--- sql_check
SELECT uuid, concept FROM catalogi.informatieobjecttype ORDER BY uuid
--- sql_check_out
10000000-0000-4000-8000-000000000001|f
10000000-0000-4000-8000-000000000002|f
10000000-0000-4000-8000-000000000003|t
10000000-0000-4000-8000-000000000004|f
10000000-0000-4000-8000-000000000005|f



=== TEST 61: iot create: a concept may overlap a published version (concepts are exempt)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(POST => '/informatieobjecttypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Brief',
     vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
     informatieobjectcategorie => 'Brief'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{omschrijving => 'Brief', concept => JSON::PP::true}



=== TEST 62: iot beginObject/eindeObject span every version with the same omschrijving in the catalogus
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, begin => '2019-03-01',
          einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01',
          einde => '2023-06-30');
main::iot(3, omschrijving => 'Brief', concept => 0, begin => '2018-01-01', cat => 2);
main::iot(4, omschrijving => 'Bijlage', concept => 0, begin => '2017-01-01',
          einde => '2040-01-01');
--- request eval
[main::req(GET => main::p(iot => 1)), main::req(GET => main::p(iot => 2))]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
{beginObject => '2019-03-01', eindeObject => '2023-06-30', omschrijving => 'Brief'}



=== TEST 63: iot zaaktypen and besluittypen (read-only): the published types of its catalogus that name its omschrijving
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Brief', concept => 0, cat => 2);
main::iot(3, omschrijving => 'Bijlage', concept => 0);
main::zt(1, identificatie => 'ZT-1', concept => 0);
main::zt(2, identificatie => 'ZT-2', concept => 0);
main::zt(3, identificatie => 'ZT-3', concept => 0, cat => 2);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Bijlage', volgnummer => 1);
main::ztiot(3, zaaktype => 3, iot => 'Brief', volgnummer => 1);
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief', 'Bijlage']);
main::bt(2, omschrijving => 'Ontheffing', concept => 0, iots => ['Bijlage']);
main::bt(3, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'], cat => 2);
--- request eval
main::req(GET => main::p(iot => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{url => $main::U{iot1}, zaaktypen => [$main::U{zt1}], besluittypen => [$main::U{bt1}]}



=== TEST 64: iot zaaktypen and besluittypen name the versions valid today (ztc-011c: the relation is by omschrijving, not by version)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1', concept => 0, einde => '2020-12-31');
main::zt(2, identificatie => 'ZT-1', concept => 0, begin => '2021-01-01');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Brief', volgnummer => 1);
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'],
         einde => '2020-12-31');
main::bt(2, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'],
         begin => '2021-01-01');
--- request eval
[main::req(GET => main::p(iot => 1)),
 main::req(GET => '/informatieobjecttypen')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- response_body_like eval
[qr/\A(?=.*"zaaktypen":\s*\["\Q$main::U{zt2}\E"\])(?=.*"besluittypen":\s*\["\Q$main::U{bt2}\E"\])/s,
 qr/\A(?=.*"zaaktypen":\s*\["\Q$main::U{zt2}\E"\])(?=.*"besluittypen":\s*\["\Q$main::U{bt2}\E"\])/s]



=== TEST 65: iot list with datumGeldigheid: zaaktypen and besluittypen name the versions valid on that date
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1', concept => 0, einde => '2020-12-31');
main::zt(2, identificatie => 'ZT-1', concept => 0, begin => '2021-01-01');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Brief', volgnummer => 1);
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'],
         einde => '2020-12-31');
main::bt(2, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'],
         begin => '2021-01-01');
--- request eval
main::req(GET => '/informatieobjecttypen?datumGeldigheid=2020-06-01')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{count => 1, results => [{url => $main::U{iot1}, zaaktypen => [$main::U{zt1}],
                          besluittypen => [$main::U{bt1}]}]}



=== TEST 66: iot detail with datumGeldigheid: zaaktypen and besluittypen name the versions valid on that date
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1', concept => 0, einde => '2020-12-31');
main::zt(2, identificatie => 'ZT-1', concept => 0, begin => '2021-01-01');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Brief', volgnummer => 1);
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'],
         einde => '2020-12-31');
main::bt(2, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'],
         begin => '2021-01-01');
--- request eval
main::req(GET => main::p(iot => 1, '?datumGeldigheid=2020-06-01'))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{url => $main::U{iot1}, zaaktypen => [$main::U{zt1}], besluittypen => [$main::U{bt1}]}



=== TEST 67: iot detail: a datumGeldigheid that is no date is refused
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(GET => main::p(iot => 1, '?datumGeldigheid=gisteren'))
--- more_headers eval
main::hdr('lezer')
--- error_code: 400
--- json_subset eval
main::invalid(['datumGeldigheid', 'invalid', 'Voer een geldige datum in.'])



=== TEST 68: iot zaaktypen: every version of the omschrijving shows the zaaktypen that name it
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
main::zt(1, identificatie => 'ZT-1', concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
--- request eval
[main::req(GET => main::p(iot => 1)), main::req(GET => main::p(iot => 2))]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
{zaaktypen => [$main::U{zt1}]}



=== TEST 69: iot zaaktypen and besluittypen show a concept type when it is the only version
# A deliberate choice for Catalogi 1.3.1: a relation resolves to the
# published version valid on the date, and to a concept when no published
# one exists, so a catalogue being built shows its relations.  The 1.3.3
# clarification (RULES-CHECKLIST 164) shows published versions only.
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::bt(1, omschrijving => 'Vergunning', iots => ['Brief']);
--- request eval
main::req(GET => main::p(iot => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{url => $main::U{iot1}, zaaktypen => [$main::U{zt1}],
 besluittypen => [$main::U{bt1}]}



=== TEST 70: iot zaaktypen and besluittypen leave out versions not valid on the date
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1', concept => 0, begin => '2099-01-01');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief'],
         einde => '2020-12-31');
--- request eval
main::req(GET => main::p(iot => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{url => $main::U{iot1}, zaaktypen => [], besluittypen => []}



=== TEST 71: besluittype create with the required fields only: 201, Location, defaults, the notification
--- init
main::seed();
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, publicatieIndicatie => JSON::PP::false,
     informatieobjecttypen => [], beginGeldigheid => '2020-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- response_headers_like
Location: http://localhost/catalogi/api/v1/besluittypen/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}
--- json_subset eval
{url => qr{^http://localhost/catalogi/api/v1/besluittypen/[0-9a-f-]{36}$},
 catalogus => $main::U{cat1}, zaaktypen => [], omschrijving => '',
 omschrijvingGeneriek => '', besluitcategorie => '', reactietermijn => undef,
 publicatieIndicatie => JSON::PP::false, publicatietekst => '',
 publicatietermijn => undef, toelichting => '', informatieobjecttypen => [],
 beginGeldigheid => '2020-01-01', eindeGeldigheid => undef,
 concept => JSON::PP::true, resultaattypen => [], resultaattypenOmschrijving => [],
 vastgelegdIn => [], beginObject => '2020-01-01', eindeObject => undef}
--- sql_check
SELECT omschrijving, publicatie_indicatie, begin_geldigheid, concept
  FROM catalogi.besluittype;
SELECT n.kanaal, n.bericht->>'kanaal', n.bericht->>'resource',
       n.bericht->>'actie',
       n.bericht->>'hoofdObject' = 'http://localhost/catalogi/api/v1/besluittypen/' || b.uuid,
       n.bericht->>'resourceUrl' = 'http://localhost/catalogi/api/v1/besluittypen/' || b.uuid,
       n.bericht->>'aanmaakdatum' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$',
       n.bericht->'kenmerken', n.verzonden IS NULL
  FROM zgw.notificatie n, catalogi.besluittype b;
--- sql_check_out
|f|2020-01-01|t
besluittypen|besluittypen|besluittype|create|t|t|t|{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/c0000000-0000-4000-8000-000000000001"}|t



=== TEST 72: besluittype create with every field and a published informatieobjecttype (allowed, ztc-011c); read-only keys ignored
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Vergunning',
     omschrijvingGeneriek => 'Vergunning generiek', besluitcategorie => 'Besluit',
     reactietermijn => 'P42D', publicatieIndicatie => JSON::PP::true,
     publicatietekst => 'Wordt gepubliceerd', publicatietermijn => 'P14D',
     toelichting => 'Een toelichting', informatieobjecttypen => [$main::U{iot1}],
     beginGeldigheid => '2020-03-01', eindeGeldigheid => '2030-12-31',
     url => 'http://evil.example/x', concept => JSON::PP::false,
     resultaattypen => ['http://evil.example/r'], vastgelegdIn => ['Iets'],
     onbekend => 'x'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{url => qr{^http://localhost/catalogi/api/v1/besluittypen/[0-9a-f-]{36}$},
 catalogus => $main::U{cat1}, zaaktypen => [], omschrijving => 'Vergunning',
 omschrijvingGeneriek => 'Vergunning generiek', besluitcategorie => 'Besluit',
 reactietermijn => 'P42D', publicatieIndicatie => JSON::PP::true,
 publicatietekst => 'Wordt gepubliceerd', publicatietermijn => 'P14D',
 toelichting => 'Een toelichting', informatieobjecttypen => [$main::U{iot1}],
 beginGeldigheid => '2020-03-01', eindeGeldigheid => '2030-12-31',
 concept => JSON::PP::true, resultaattypen => [], resultaattypenOmschrijving => [],
 vastgelegdIn => ['Brief'], beginObject => '2020-03-01', eindeObject => '2030-12-31'}
--- json_absent
onbekend



=== TEST 73: besluittype create names an informatieobjecttype by omschrijving (ztc-011b): the URL of an ended version gives the version valid today
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, omschrijving => 'Vergunning',
     publicatieIndicatie => JSON::PP::false,
     informatieobjecttypen => [$main::U{iot1}], beginGeldigheid => '2020-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{informatieobjecttypen => [$main::U{iot2}], vastgelegdIn => ['Brief']}



=== TEST 74: besluittype create: an empty object: the four required fields in field order
--- init
main::seed();
--- request eval
main::req(POST => '/besluittypen', {})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset eval
main::invalid(['catalogus', 'required', $main::REQUIRED],
              ['publicatieIndicatie', 'required', $main::REQUIRED],
              ['informatieobjecttypen', 'required', $main::REQUIRED],
              ['beginGeldigheid', 'required', $main::REQUIRED])
--- sql_check
SELECT (SELECT count(*) FROM catalogi.besluittype),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
0|0



=== TEST 75: besluittype create: too long texts, a bad duration, a bad boolean and informatieobjecttypen that is no list, in field order
--- init
main::seed();
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, omschrijving => 'o' x 81,
     omschrijvingGeneriek => 'g' x 81, besluitcategorie => 'b' x 41,
     reactietermijn => 'veertien dagen', publicatieIndicatie => 'misschien',
     informatieobjecttypen => $main::U{cat1}, beginGeldigheid => '2020-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['omschrijving', 'max_length',
               'Dit veld mag niet meer dan 80 karakters bevatten.'],
              ['omschrijvingGeneriek', 'max_length',
               'Dit veld mag niet meer dan 80 karakters bevatten.'],
              ['besluitcategorie', 'max_length',
               'Dit veld mag niet meer dan 40 karakters bevatten.'],
              ['reactietermijn', 'invalid'],
              ['publicatieIndicatie', 'invalid', 'Must be a valid boolean.'],
              ['informatieobjecttypen', 'not_a_list',
               'Verwachtte een lijst met items, maar kreeg type "str".'])



=== TEST 76: besluittype create: null for the required publicatieIndicatie and informatieobjecttypen; null durations are fine elsewhere
--- init
main::seed();
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, publicatieIndicatie => undef,
     informatieobjecttypen => undef, beginGeldigheid => '2020-01-01',
     reactietermijn => undef, publicatietermijn => undef})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['publicatieIndicatie', 'null', $main::LEEG],
              ['informatieobjecttypen', 'null', $main::LEEG])



=== TEST 77: besluittype create: an informatieobjecttype that does not exist
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, publicatieIndicatie => JSON::PP::false,
     informatieobjecttypen => [$main::U{iot1}, $main::U{iot9}],
     beginGeldigheid => '2020-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['informatieobjecttypen', 'does_not_exist',
               'Ongeldige hyperlink - Object bestaat niet.'])
--- sql_check
SELECT count(*) FROM catalogi.besluittype
--- sql_check_out
0



=== TEST 78: besluittype create: an informatieobjecttypen URL of another resource
--- init
main::seed();
main::zt(1);
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, publicatieIndicatie => JSON::PP::false,
     informatieobjecttypen => [$main::U{zt1}], beginGeldigheid => '2020-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['informatieobjecttypen', 'incorrect_match',
               'Ongeldige hyperlink - Ongeldige URL'])



=== TEST 79: besluittype create: an informatieobjecttypen URL that matches no resource
--- init
main::seed();
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, publicatieIndicatie => JSON::PP::false,
     informatieobjecttypen => ['https://elders.example/documenttypen/1'],
     beginGeldigheid => '2020-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['informatieobjecttypen', 'no_match',
               'Ongeldige hyperlink - Geen overeenkomende URL.'])



=== TEST 80: besluittype create: an informatieobjecttype of another catalogus is refused (ztc-013)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, cat => 2);
--- request eval
main::req(POST => '/besluittypen',
    {catalogus => $main::U{cat1}, publicatieIndicatie => JSON::PP::false,
     informatieobjecttypen => [$main::U{iot1}], beginGeldigheid => '2020-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'relations-incorrect-catalogus',
               qr/hoort bij een andere catalogus dan het aangemaakte object$/])
--- sql_check
SELECT (SELECT count(*) FROM catalogi.besluittype),
       (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
0|0



=== TEST 81: besluittype create needs catalogi.schrijven (403 before validation)
--- init
main::seed();
--- request eval
[main::req(POST => '/besluittypen', {}),
 main::req(POST => '/besluittypen',
     {catalogus => $main::U{cat1}, publicatieIndicatie => JSON::PP::false,
      informatieobjecttypen => [], beginGeldigheid => '2020-01-01'})]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 2]
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')



=== TEST 82: besluittype read: a concept with every field
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::bt(1, omschrijving => 'Vergunning', iots => ['Brief'], einde => '2029-12-31');
--- request eval
main::req(GET => main::p(bt => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- json_subset eval
{url => $main::U{bt1}, catalogus => $main::U{cat1}, zaaktypen => [],
 omschrijving => 'Vergunning', omschrijvingGeneriek => '', besluitcategorie => '',
 reactietermijn => undef, publicatieIndicatie => JSON::PP::false,
 publicatietekst => '', publicatietermijn => undef, toelichting => '',
 informatieobjecttypen => [$main::U{iot1}], beginGeldigheid => '2020-01-01',
 eindeGeldigheid => '2029-12-31', concept => JSON::PP::true, resultaattypen => [],
 resultaattypenOmschrijving => [], vastgelegdIn => ['Brief'],
 beginObject => '2020-01-01', eindeObject => '2029-12-31'}



=== TEST 83: besluittype read: unknown and malformed uuids are 404, an unknown query parameter 400
--- init
main::seed();
main::bt(1);
--- request eval
[main::req(GET => main::p(bt => 9)),
 main::req(GET => '/besluittypen/20000000-0000-4000-8000-00000000000z')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(404) x 2]
--- json_subset eval
main::fout(404, 'not_found', 'NotFound')



=== TEST 84: besluittype read: an unknown query parameter is 400
--- init
main::seed();
main::bt(1);
--- request eval
main::req(GET => main::p(bt => 1, '?foo=bar'))
--- more_headers eval
main::hdr('lezer')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'unknown-parameters',
               'Onbekende query parameters: foo'])



=== TEST 85: besluittype list: published ones only by default
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
[main::req(GET => '/besluittypen'),
 main::req(GET => '/besluittypen?status=definitief')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
main::list_of([bt => 1], [bt => 2], [bt => 4], [bt => 5])



=== TEST 86: besluittype list: status=concept and status=alles
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => '/besluittypen?status=concept')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 3])



=== TEST 87: besluittype list: status=alles
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => '/besluittypen?status=alles')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of(map { [bt => $_] } 1 .. 5)



=== TEST 88: besluittype list: catalogus
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => "/besluittypen?catalogus=$main::U{cat2}")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 4])



=== TEST 89: besluittype list: omschrijving
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => '/besluittypen?omschrijving=Vergunning')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 1], [bt => 2], [bt => 4])



=== TEST 90: besluittype list: datumGeldigheid
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => '/besluittypen?datumGeldigheid=2020-06-15')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 1], [bt => 4], [bt => 5])



=== TEST 91: besluittype list: datumGeldigheid on the first day of the second version
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => '/besluittypen?datumGeldigheid=2021-01-01')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 2], [bt => 4])



=== TEST 92: besluittype list: informatieobjecttypen (only within the catalogus of that informatieobjecttype)
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => "/besluittypen?informatieobjecttypen=$main::U{iot1}")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 1], [bt => 2])



=== TEST 93: besluittype list: informatieobjecttypen of the other catalogus
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => "/besluittypen?informatieobjecttypen=$main::U{iot3}")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 4])



=== TEST 94: besluittype list: zaaktypen
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => "/besluittypen?zaaktypen=$main::U{zt1}")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 1], [bt => 2])



=== TEST 95: besluittype list: zaaktypen with status=alles
--- init
main::seed();
main::bt_list_fixtures();
--- request eval
main::req(GET => "/besluittypen?zaaktypen=$main::U{zt2}&status=alles")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([bt => 3], [bt => 5])



=== TEST 96: besluittype list: bad filter values
--- init
main::seed();
--- request eval
[main::req(GET => '/besluittypen?status=concepten'),
 main::req(GET => '/besluittypen?datumGeldigheid=31-12-2020'),
 main::req(GET => '/besluittypen?zaaktypen=abc'),
 main::req(GET => '/besluittypen?informatieobjecttypen=abc'),
 main::req(GET => '/besluittypen?catalogus=abc')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(400) x 5]
--- response_body_like eval
[qr/"invalidParams":\s*\[\{"name":\s*"status",\s*"code":\s*"invalid_choice",\s*"reason":\s*"Selecteer een geldige keuze\. concepten is geen beschikbare keuze\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"datumGeldigheid",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige datum in\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"zaaktypen",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige URL in\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"informatieobjecttypen",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige URL in\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"catalogus",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige URL in\."\}\]/]



=== TEST 97: besluittype list: unknown query parameters
--- init
main::seed();
--- request eval
[main::req(GET => '/besluittypen?zaaktype=x'),
 main::req(GET => '/besluittypen?omschrijving__icontains=x')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(400) x 2]
--- response_body_like eval
[qr/"invalidParams":\s*\[\{"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters",\s*"reason":\s*"Onbekende query parameters: zaaktype"\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters",\s*"reason":\s*"Onbekende query parameters: omschrijving__icontains"\}\]/]



=== TEST 98: besluittype zaaktypen (read-only) and informatieobjecttypen name the versions valid today
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief']);
main::zt(1, identificatie => 'ZT-1', concept => 0, einde => '2020-12-31',
         besluittypen => ['Vergunning']);
main::zt(2, identificatie => 'ZT-1', concept => 0, begin => '2021-01-01',
         besluittypen => ['Vergunning']);
main::bt(2, omschrijving => 'Anders', concept => 0);
main::zt(3, identificatie => 'ZT-3', concept => 0, besluittypen => ['Anders']);
--- request eval
[main::req(GET => main::p(bt => 1)),
 main::req(GET => '/besluittypen?omschrijving=Vergunning')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- response_body_like eval
[qr/\A(?=.*"zaaktypen":\s*\["\Q$main::U{zt2}\E"\])(?=.*"informatieobjecttypen":\s*\["\Q$main::U{iot2}\E"\])(?=.*"vastgelegdIn":\s*\["Brief"\])/s,
 qr/\A(?=.*"count":\s*1,)(?=.*"zaaktypen":\s*\["\Q$main::U{zt2}\E"\])(?=.*"informatieobjecttypen":\s*\["\Q$main::U{iot2}\E"\])/s]



=== TEST 99: besluittype list with datumGeldigheid: zaaktypen and informatieobjecttypen name the versions valid on that date
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief']);
main::zt(1, identificatie => 'ZT-1', concept => 0, einde => '2020-12-31',
         besluittypen => ['Vergunning']);
main::zt(2, identificatie => 'ZT-1', concept => 0, begin => '2021-01-01',
         besluittypen => ['Vergunning']);
--- request eval
main::req(GET => '/besluittypen?datumGeldigheid=2020-06-01')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{count => 1, results => [{url => $main::U{bt1}, zaaktypen => [$main::U{zt1}],
                          informatieobjecttypen => [$main::U{iot1}]}]}



=== TEST 100: besluittype detail with datumGeldigheid: zaaktypen and informatieobjecttypen name the versions valid on that date
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief']);
main::zt(1, identificatie => 'ZT-1', concept => 0, einde => '2020-12-31',
         besluittypen => ['Vergunning']);
main::zt(2, identificatie => 'ZT-1', concept => 0, begin => '2021-01-01',
         besluittypen => ['Vergunning']);
--- request eval
main::req(GET => main::p(bt => 1, '?datumGeldigheid=2020-06-01'))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{url => $main::U{bt1}, zaaktypen => [$main::U{zt1}],
 informatieobjecttypen => [$main::U{iot1}]}



=== TEST 101: besluittype zaaktypen: a new version of the besluittype keeps the zaaktypen that name it (ztc-011b)
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0, einde => '2020-12-31');
main::bt(2, omschrijving => 'Vergunning', concept => 0, begin => '2021-01-01');
main::bt(3, omschrijving => 'Vergunning', concept => 0, cat => 2);
main::zt(1, identificatie => 'ZT-1', concept => 0, besluittypen => ['Vergunning']);
--- request eval
[main::req(GET => main::p(bt => 1)), main::req(GET => main::p(bt => 2))]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
{zaaktypen => [$main::U{zt1}]}



=== TEST 102: besluittype zaaktypen and informatieobjecttypen show concept types without a published version (see TEST 69)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
main::bt(1, omschrijving => 'Vergunning', concept => 0, iots => ['Brief']);
main::zt(1, identificatie => 'ZT-1', besluittypen => ['Vergunning']);
--- request eval
main::req(GET => main::p(bt => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{url => $main::U{bt1}, zaaktypen => [$main::U{zt1}],
 informatieobjecttypen => [$main::U{iot1}]}



=== TEST 103: besluittype PUT on a concept: 200, replaced, notification "update"
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::bt(1, omschrijving => 'Vergunning', iots => ['Brief']);
--- request eval
main::req(PUT => main::p(bt => 1),
    {catalogus => $main::U{cat1}, omschrijving => 'Vergunning',
     publicatieIndicatie => JSON::PP::true, publicatietekst => 'Tekst',
     informatieobjecttypen => [$main::U{iot2}], beginGeldigheid => '2020-02-01',
     reactietermijn => 'P10D'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{url => $main::U{bt1}, omschrijving => 'Vergunning',
 publicatieIndicatie => JSON::PP::true, publicatietekst => 'Tekst',
 informatieobjecttypen => [$main::U{iot2}], vastgelegdIn => ['Bijlage'],
 beginGeldigheid => '2020-02-01', reactietermijn => 'P10D',
 concept => JSON::PP::true}
--- sql_check
SELECT publicatie_indicatie, begin_geldigheid FROM catalogi.besluittype;
SELECT kanaal, bericht->>'resource', bericht->>'actie', bericht->>'hoofdObject',
       bericht->>'resourceUrl', bericht->'kenmerken'
  FROM zgw.notificatie;
--- sql_check_out
t|2020-02-01
besluittypen|besluittype|update|http://localhost/catalogi/api/v1/besluittypen/20000000-0000-4000-8000-000000000001|http://localhost/catalogi/api/v1/besluittypen/20000000-0000-4000-8000-000000000001|{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/c0000000-0000-4000-8000-000000000001"}



=== TEST 104: besluittype PATCH on a concept: informatieobjecttypen replaced, notification "partial_update"
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::bt(1, omschrijving => 'Vergunning', iots => ['Brief']);
--- request eval
main::req(PATCH => main::p(bt => 1),
    {informatieobjecttypen => [$main::U{iot2}, $main::U{iot1}]})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{url => $main::U{bt1}, omschrijving => 'Vergunning',
 informatieobjecttypen => [$main::U{iot2}, $main::U{iot1}],
 vastgelegdIn => ['Bijlage', 'Brief']}
--- sql_check
SELECT kanaal, bericht->>'actie', bericht->>'resourceUrl' FROM zgw.notificatie
--- sql_check_out
besluittypen|partial_update|http://localhost/catalogi/api/v1/besluittypen/20000000-0000-4000-8000-000000000001



=== TEST 105: besluittype PATCH on a concept: an informatieobjecttype of another catalogus is refused (ztc-013)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0, cat => 2);
main::bt(1, omschrijving => 'Vergunning', iots => ['Brief']);
--- request eval
main::req(PATCH => main::p(bt => 1),
    {informatieobjecttypen => [$main::U{iot1}, $main::U{iot2}]})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'relations-incorrect-catalogus',
               qr/hoort bij een andere catalogus dan het aangemaakte object$/])
--- sql_check
SELECT (SELECT count(*) FROM zgw.notificatie)
--- sql_check_out
0



=== TEST 106: besluittype PUT needs every required field
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning');
--- request eval
main::req(PUT => main::p(bt => 1), {omschrijving => 'Vergunning'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['catalogus', 'required', $main::REQUIRED],
              ['publicatieIndicatie', 'required', $main::REQUIRED],
              ['informatieobjecttypen', 'required', $main::REQUIRED],
              ['beginGeldigheid', 'required', $main::REQUIRED])



=== TEST 107: besluittype PUT and PATCH of a published one with catalogi.schrijven: 400 non-concept-object (ztc-009)
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0);
--- request eval
[main::req(PUT => main::p(bt => 1),
     {catalogus => $main::U{cat1}, omschrijving => 'Vergunning',
      publicatieIndicatie => JSON::PP::true, informatieobjecttypen => [],
      beginGeldigheid => '2020-01-01'}),
 main::req(PATCH => main::p(bt => 1), {toelichting => 'Nieuw'}),
 main::req(PATCH => main::p(bt => 1),
     {toelichting => 'Nieuw', eindeGeldigheid => '2030-01-01'})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 3]
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-object',
               'Het is niet toegestaan om een non-concept object bij te werken'])
--- sql_check
SELECT publicatie_indicatie, toelichting, einde_geldigheid IS NULL,
       (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.besluittype
--- sql_check_out
f||t|0



=== TEST 108: besluittype PATCH of only eindeGeldigheid of a published one is allowed (ztc-009)
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0);
--- request eval
main::req(PATCH => main::p(bt => 1), {eindeGeldigheid => '2030-01-01'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{eindeGeldigheid => '2030-01-01', concept => JSON::PP::false,
 eindeObject => '2030-01-01'}
--- sql_check
SELECT einde_geldigheid, (SELECT string_agg(bericht->>'actie', ',') FROM zgw.notificatie)
  FROM catalogi.besluittype
--- sql_check_out
2030-01-01|partial_update



=== TEST 109: besluittype PATCH of eindeGeldigheid may not overlap the next published version
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0, einde => '2020-12-31');
main::bt(2, omschrijving => 'Vergunning', concept => 0, begin => '2021-01-01');
--- request eval
main::req(PATCH => main::p(bt => 1), {eindeGeldigheid => '2021-01-15'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['eindeGeldigheid', 'overlap',
               qr/^Dit besluittype komt al voor binnen de catalogus en opgegeven geldigheidsperiode\.$/i])
--- sql_check
SELECT einde_geldigheid FROM catalogi.besluittype
 WHERE uuid = '20000000-0000-4000-8000-000000000001'
--- sql_check_out
2020-12-31



=== TEST 110: besluittype PUT and PATCH of a published one with catalogi.geforceerd-schrijven (a correctie)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::bt(1, omschrijving => 'Vergunning', concept => 0);
--- request eval
[main::req(PUT => main::p(bt => 1),
     {catalogus => $main::U{cat1}, omschrijving => 'Vergunning',
      publicatieIndicatie => JSON::PP::false, informatieobjecttypen => [],
      beginGeldigheid => '2020-01-01', toelichting => 'Correctie'}),
 main::req(PATCH => main::p(bt => 1),
     {informatieobjecttypen => [$main::U{iot1}]})]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(200) x 2]
--- json_subset eval
{url => $main::U{bt1}, toelichting => 'Correctie', concept => JSON::PP::false}
--- sql_check eval
["SELECT count(*) FROM zgw.notificatie",
 "SELECT string_agg(bericht->>'actie', ',' ORDER BY id) FROM zgw.notificatie"]
--- sql_check_out eval
["1", "update,partial_update"]



=== TEST 111: besluittype DELETE of a concept: 204, gone, notification "destroy"
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning');
--- request eval
main::req(DELETE => main::p(bt => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- response_body:
--- sql_check
SELECT count(*) FROM catalogi.besluittype;
SELECT kanaal, bericht->>'resource', bericht->>'actie', bericht->>'hoofdObject',
       bericht->>'resourceUrl', bericht->'kenmerken'
  FROM zgw.notificatie;
--- sql_check_out
0
besluittypen|besluittype|destroy|http://localhost/catalogi/api/v1/besluittypen/20000000-0000-4000-8000-000000000001|http://localhost/catalogi/api/v1/besluittypen/20000000-0000-4000-8000-000000000001|{"catalogus": "http://localhost/catalogi/api/v1/catalogussen/c0000000-0000-4000-8000-000000000001"}



=== TEST 112: besluittype DELETE of a published one: 400 non-concept-object with catalogi.schrijven, 204 with catalogi.geforceerd-verwijderen
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0);
--- request eval
main::req(DELETE => main::p(bt => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-object',
               'Alleen concepten kunnen worden verwijderd.'])
--- sql_check
SELECT count(*), (SELECT count(*) FROM zgw.notificatie) FROM catalogi.besluittype
--- sql_check_out
1|0



=== TEST 113: besluittype DELETE of a published one with catalogi.geforceerd-verwijderen: 204
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0);
--- request eval
main::req(DELETE => main::p(bt => 1))
--- more_headers eval
main::hdr('forceer')
--- error_code: 204
--- sql_check
SELECT count(*), (SELECT string_agg(bericht->>'actie', ',') FROM zgw.notificatie)
  FROM catalogi.besluittype
--- sql_check_out
0|destroy



=== TEST 114: besluittype DELETE of a concept that a published zaaktype names: 400 non-concept-relation
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning');
main::zt(1, concept => 0, besluittypen => ['Vergunning']);
--- request eval
main::req(DELETE => main::p(bt => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-relation'])
--- sql_check
SELECT count(*) FROM catalogi.besluittype
--- sql_check_out
1



=== TEST 115: besluittype DELETE of a new concept version is allowed while the published version stays in use
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0);
main::bt(2, omschrijving => 'Vergunning', begin => '2099-01-01');
main::zt(1, concept => 0, besluittypen => ['Vergunning']);
--- request eval
main::req(DELETE => main::p(bt => 2))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- sql_check
SELECT uuid FROM catalogi.besluittype
--- sql_check_out
20000000-0000-4000-8000-000000000001



=== TEST 116: besluittype writes by a reader are 403; on an unknown uuid 404
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning');
--- request eval
[main::req(PUT => main::p(bt => 1), {}),
 main::req(PATCH => main::p(bt => 1), {toelichting => 'x'}),
 main::req(DELETE => main::p(bt => 1)),
 main::req(POST => main::p(bt => 1, '/publish'))]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 4]
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')
--- sql_check
SELECT toelichting, concept, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.besluittype
--- sql_check_out
|t|0



=== TEST 117: besluittype writes on an unknown uuid are 404
--- init
main::seed();
--- request eval
[main::req(PUT => main::p(bt => 9), {}),
 main::req(PATCH => main::p(bt => 9), {toelichting => 'x'}),
 main::req(DELETE => main::p(bt => 9)),
 main::req(POST => main::p(bt => 9, '/publish'))]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(404) x 4]
--- json_subset eval
main::fout(404, 'not_found', 'NotFound')



=== TEST 118: besluittype publish: 200 with the published object, notified as an update
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::bt(1, omschrijving => 'Vergunning', iots => ['Brief']);
--- request eval
main::req(POST => main::p(bt => 1, '/publish'))
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- json_subset eval
{url => $main::U{bt1}, concept => JSON::PP::false,
 informatieobjecttypen => [$main::U{iot1}]}
--- sql_check
SELECT concept, (SELECT string_agg(bericht->>'resource' || ':'
       || (bericht->>'actie'), ',') FROM zgw.notificatie)
  FROM catalogi.besluittype
--- sql_check_out
f|besluittype:update



=== TEST 119: besluittype publish of a version overlapping a published one: 400 overlap, stays a concept
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0, einde => '2025-12-31');
main::bt(2, omschrijving => 'Vergunning', begin => '2025-01-01');
--- request eval
main::req(POST => main::p(bt => 2, '/publish'))
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['beginGeldigheid', 'overlap',
               qr/^Dit besluittype komt al voor binnen de catalogus en opgegeven geldigheidsperiode\.$/i])
--- sql_check
SELECT uuid, concept FROM catalogi.besluittype ORDER BY uuid
--- sql_check_out
20000000-0000-4000-8000-000000000001|f
20000000-0000-4000-8000-000000000002|t



=== TEST 120: besluittype publish of a later version after the earlier one ended: 200; beginObject/eindeObject span both
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0, begin => '2019-05-01',
         einde => '2020-12-31');
main::bt(2, omschrijving => 'Vergunning', begin => '2021-01-01', einde => '2024-12-31');
main::bt(3, omschrijving => 'Vergunning', concept => 0, begin => '2021-01-01', cat => 2);
--- request eval
main::req(POST => main::p(bt => 2, '/publish'))
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 200
--- json_subset eval
{url => $main::U{bt2}, concept => JSON::PP::false, beginObject => '2019-05-01',
 eindeObject => '2024-12-31'}



=== TEST 121: besluittype publish needs catalogi.schrijven
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning');
--- request eval
main::req(POST => main::p(bt => 1, '/publish'))
--- more_headers eval
main::hdr_json('forceer')
--- error_code: 403
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')



=== TEST 122: ztiot create: 201, Location, every field rendered; no notification (no kanaal for this resource)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1');
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'inkomend'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- response_headers_like
Location: http://localhost/catalogi/api/v1/zaaktype-informatieobjecttypen/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}
--- json_subset eval
{url => qr{^http://localhost/catalogi/api/v1/zaaktype-informatieobjecttypen/[0-9a-f-]{36}$},
 zaaktype => $main::U{zt1}, zaaktypeIdentificatie => 'ZT-1',
 informatieobjecttype => $main::U{iot1}, volgnummer => 1, richting => 'inkomend',
 statustype => undef, catalogus => $main::U{cat1}}
--- sql_check
SELECT volgnummer, richting, statustype IS NULL,
       (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
1|inkomend|t|0



=== TEST 123: ztiot create with a statustype of its zaaktype, and every richting
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1');
main::st(1, zaaktype => 1, volgnummer => 1);
--- request eval
[map { main::req(POST => '/zaaktype-informatieobjecttypen',
           {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
            volgnummer => $_->[0], richting => $_->[1],
            statustype => $main::U{st1}}) }
     [1, 'inkomend'], [2, 'intern'], [3, 'uitgaand']]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(201) x 3]
--- json_subset eval
{zaaktype => $main::U{zt1}, statustype => $main::U{st1},
 richting => qr/^(inkomend|intern|uitgaand)$/}
--- sql_check
SELECT string_agg(volgnummer || ':' || richting, ',' ORDER BY volgnummer)
  FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out eval
["1:inkomend", "1:inkomend,2:intern", "1:inkomend,2:intern,3:uitgaand"]



=== TEST 124: ztiot create for a concept zaaktype and a concept informatieobjecttype: 201
--- init
main::seed();
main::iot(1, omschrijving => 'Concept document');
main::zt(1, identificatie => 'ZT-1');
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 3, richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{zaaktype => $main::U{zt1}, zaaktypeIdentificatie => 'ZT-1', volgnummer => 3,
 richting => 'intern', catalogus => $main::U{cat1}}
--- sql_check
SELECT informatieobjecttype, volgnummer FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
Concept document|3



=== TEST 125: ztiot create: an empty object: the four required fields in field order
--- init
main::seed();
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen', {})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset eval
main::invalid(['zaaktype', 'required', $main::REQUIRED],
              ['informatieobjecttype', 'required', $main::REQUIRED],
              ['volgnummer', 'required', $main::REQUIRED],
              ['richting', 'required', $main::REQUIRED])



=== TEST 126: ztiot create: volgnummer below 1, an unknown richting
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 0, richting => 'naar_buiten'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['volgnummer', 'min_value',
               'Zorg ervoor dat deze waarde groter is dan of gelijk is aan 1.'],
              ['richting', 'invalid_choice', '"naar_buiten" is een ongeldige keuze.'])



=== TEST 127: ztiot create: volgnummer above 999, a volgnummer that is no number, a null richting
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
--- request eval
[main::req(POST => '/zaaktype-informatieobjecttypen',
     {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
      volgnummer => 1000, richting => 'intern'}),
 main::req(POST => '/zaaktype-informatieobjecttypen',
     {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
      volgnummer => 'een', richting => undef})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- response_body_like eval
[qr/"invalidParams":\s*\[\{"name":\s*"volgnummer",\s*"code":\s*"max_value",\s*"reason":\s*"Zorg ervoor dat deze waarde kleiner is dan of gelijk is aan 999\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"volgnummer",\s*"code":\s*"invalid",\s*"reason":\s*"Een geldig getal is vereist\."\},\s*\{"name":\s*"richting",\s*"code":\s*"null",\s*"reason":\s*"Dit veld mag niet leeg zijn\."\}\]/]
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
0



=== TEST 128: ztiot create: a zaaktype, an informatieobjecttype and a statustype that do not exist
--- init
main::seed();
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt9}, informatieobjecttype => $main::U{iot9},
     volgnummer => 1, richting => 'intern', statustype => $main::U{st9}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['zaaktype', 'does_not_exist', 'Ongeldige hyperlink - Object bestaat niet.'],
              ['informatieobjecttype', 'does_not_exist',
               'Ongeldige hyperlink - Object bestaat niet.'],
              ['statustype', 'does_not_exist', 'Ongeldige hyperlink - Object bestaat niet.'])



=== TEST 129: ztiot create: a zaaktype that does not exist (the other fields valid)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt9}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['zaaktype', 'does_not_exist', 'Ongeldige hyperlink - Object bestaat niet.'])



=== TEST 130: ztiot create: a statustype that does not exist (the other fields valid)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern', statustype => $main::U{st9}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['statustype', 'does_not_exist', 'Ongeldige hyperlink - Object bestaat niet.'])



=== TEST 131: ztiot create: an informatieobjecttype URL of another resource
--- init
main::seed();
main::zt(1);
main::bt(1, omschrijving => 'Vergunning');
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{bt1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['informatieobjecttype', 'incorrect_match',
               'Ongeldige hyperlink - Ongeldige URL'])



=== TEST 132: ztiot create: an informatieobjecttype of another catalogus is refused (ztc-013)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, cat => 2);
main::zt(1);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'relations-incorrect-catalogus'])
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
0



=== TEST 133: ztiot create: (zaaktype, volgnummer) is unique
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::zt(1);
main::zt(2, identificatie => 'ZT-2');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Brief', volgnummer => 2);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot2},
     volgnummer => 1, richting => 'uitgaand'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'unique',
               'De velden zaaktype, volgnummer moeten een unieke set zijn.'])
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
2



=== TEST 134: ztiot create: the same informatieobjecttype twice in one zaaktype (another volgnummer), and a volgnummer used by another zaaktype, are fine
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::zt(2, identificatie => 'ZT-2');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1, richting => 'inkomend');
main::ztiot(2, zaaktype => 2, iot => 'Brief', volgnummer => 2);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 2, richting => 'uitgaand'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
 volgnummer => 2, richting => 'uitgaand'}



=== TEST 135: ztiot create for a published zaaktype and a published informatieobjecttype: 400 non-concept-relation (ztc-010)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, concept => 0);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-relation'])
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
0



=== TEST 136: ztiot create for a published zaaktype and a concept informatieobjecttype: refused too (ztc-010)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
main::zt(1, concept => 0);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', qr/^non-concept-(?:zaaktype|relation)$/])
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
0



=== TEST 137: ztiot create for a published zaaktype with catalogi.geforceerd-schrijven (a correctie): 201
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, concept => 0);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('forceer')
--- error_code: 201
--- json_subset eval
{zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1}}



=== TEST 138: ztiot create by a reader is 403
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('lezer')
--- error_code: 403
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')



=== TEST 139: ztiot read; 404 for unknown and malformed uuids; 400 for an unknown query parameter
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, identificatie => 'ZT-1');
main::st(1, zaaktype => 1);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 7, richting => 'uitgaand',
            statustype => 1);
--- request eval
main::req(GET => main::p(ztiot => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.3.1
--- json_subset eval
{url => $main::U{ztiot1}, zaaktype => $main::U{zt1}, zaaktypeIdentificatie => 'ZT-1',
 informatieobjecttype => $main::U{iot1}, volgnummer => 7, richting => 'uitgaand',
 statustype => $main::U{st1}, catalogus => $main::U{cat1}}



=== TEST 140: ztiot read: 404 for unknown and malformed uuids
--- init
main::seed();
--- request eval
[main::req(GET => main::p(ztiot => 9)),
 main::req(GET => '/zaaktype-informatieobjecttypen/123')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(404) x 2]
--- json_subset eval
main::fout(404, 'not_found', 'NotFound')



=== TEST 141: ztiot read: an unknown query parameter is 400
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(GET => main::p(ztiot => 1, '?datumGeldigheid=2020-01-01'))
--- more_headers eval
main::hdr('lezer')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'unknown-parameters',
               'Onbekende query parameters: datumGeldigheid'])



=== TEST 142: ztiot informatieobjecttype names the version valid today (ztc-011c: by omschrijving, not by version)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, einde => '2020-12-31');
main::iot(2, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
main::iot(3, omschrijving => 'Brief', concept => 0, cat => 2);
main::zt(1);
--- request eval
main::req(POST => '/zaaktype-informatieobjecttypen',
    {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
     volgnummer => 1, richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 201
--- json_subset eval
{informatieobjecttype => $main::U{iot2}}



=== TEST 143: ztiot list: published ones by default (zaaktype and informatieobjecttype published), status=concept, status=alles
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Concept document');
main::zt(1, concept => 0);
main::zt(2, identificatie => 'ZT-2');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Concept document', volgnummer => 1);
--- request eval
[main::req(GET => '/zaaktype-informatieobjecttypen'),
 main::req(GET => '/zaaktype-informatieobjecttypen?status=definitief')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
main::list_of([ztiot => 1])



=== TEST 144: ztiot list: status=concept
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Concept document');
main::zt(1, concept => 0);
main::zt(2, identificatie => 'ZT-2');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Concept document', volgnummer => 1);
--- request eval
main::req(GET => '/zaaktype-informatieobjecttypen?status=concept')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([ztiot => 2])



=== TEST 145: ztiot list: status=alles
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Concept document');
main::zt(1, concept => 0);
main::zt(2, identificatie => 'ZT-2');
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 2, iot => 'Concept document', volgnummer => 1);
--- request eval
main::req(GET => '/zaaktype-informatieobjecttypen?status=alles')
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([ztiot => 1], [ztiot => 2])



=== TEST 146: ztiot list: zaaktype, informatieobjecttype and richting
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::zt(1, concept => 0);
main::zt(2, identificatie => 'ZT-2', concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1, richting => 'inkomend');
main::ztiot(2, zaaktype => 1, iot => 'Bijlage', volgnummer => 2, richting => 'uitgaand');
main::ztiot(3, zaaktype => 2, iot => 'Brief', volgnummer => 1, richting => 'uitgaand');
--- request eval
main::req(GET => "/zaaktype-informatieobjecttypen?zaaktype=$main::U{zt1}")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([ztiot => 1], [ztiot => 2])



=== TEST 147: ztiot list: informatieobjecttype
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::zt(1, concept => 0);
main::zt(2, identificatie => 'ZT-2', concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1, richting => 'inkomend');
main::ztiot(2, zaaktype => 1, iot => 'Bijlage', volgnummer => 2, richting => 'uitgaand');
main::ztiot(3, zaaktype => 2, iot => 'Brief', volgnummer => 1, richting => 'uitgaand');
--- request eval
main::req(GET => "/zaaktype-informatieobjecttypen?informatieobjecttype=$main::U{iot1}")
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
main::list_of([ztiot => 1], [ztiot => 3])



=== TEST 148: ztiot list: richting, and filters combined
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::zt(1, concept => 0);
main::zt(2, identificatie => 'ZT-2', concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1, richting => 'inkomend');
main::ztiot(2, zaaktype => 1, iot => 'Bijlage', volgnummer => 2, richting => 'uitgaand');
main::ztiot(3, zaaktype => 2, iot => 'Brief', volgnummer => 1, richting => 'uitgaand');
--- request eval
[main::req(GET => "/zaaktype-informatieobjecttypen?richting=uitgaand&informatieobjecttype=$main::U{iot1}"),
 main::req(GET => "/zaaktype-informatieobjecttypen?richting=uitgaand&zaaktype=$main::U{zt2}")]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(200) x 2]
--- json_subset eval
main::list_of([ztiot => 3])



=== TEST 149: ztiot list: bad filter values and unknown parameters
--- init
main::seed();
--- request eval
[main::req(GET => '/zaaktype-informatieobjecttypen?richting=binnen'),
 main::req(GET => '/zaaktype-informatieobjecttypen?zaaktype=abc'),
 main::req(GET => '/zaaktype-informatieobjecttypen?informatieobjecttype=abc'),
 main::req(GET => '/zaaktype-informatieobjecttypen?volgnummer=1')]
--- more_headers eval
main::hdr('lezer')
--- error_code eval
[(400) x 4]
--- response_body_like eval
[qr/"invalidParams":\s*\[\{"name":\s*"richting",\s*"code":\s*"invalid_choice",\s*"reason":\s*"Selecteer een geldige keuze\. binnen is geen beschikbare keuze\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"zaaktype",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige URL in\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"informatieobjecttype",\s*"code":\s*"invalid",\s*"reason":\s*"Voer een geldige URL in\."\}\]/,
 qr/"invalidParams":\s*\[\{"name":\s*"nonFieldErrors",\s*"code":\s*"unknown-parameters",\s*"reason":\s*"Onbekende query parameters: volgnummer"\}\]/]



=== TEST 150: ztiot PUT and PATCH on a concept zaaktype: 200, no notification
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::zt(1);
main::st(1, zaaktype => 1);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1, richting => 'inkomend');
--- request eval
[main::req(PUT => main::p(ztiot => 1),
     {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot2},
      volgnummer => 5, richting => 'intern', statustype => $main::U{st1}}),
 main::req(PATCH => main::p(ztiot => 1), {richting => 'uitgaand', statustype => undef})]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(200) x 2]
--- json_subset eval
{url => $main::U{ztiot1}, zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot2},
 volgnummer => 5}
--- sql_check
SELECT volgnummer, richting, statustype IS NULL, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out eval
["5|intern|f|0", "5|uitgaand|t|0"]



=== TEST 151: ztiot PATCH to a volgnummer already used in the zaaktype: 400 unique
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::ztiot(1, zaaktype => 1, iot => 'Brief', volgnummer => 1);
main::ztiot(2, zaaktype => 1, iot => 'Brief', volgnummer => 2);
--- request eval
main::req(PATCH => main::p(ztiot => 2), {volgnummer => 1})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'unique',
               'De velden zaaktype, volgnummer moeten een unieke set zijn.'])



=== TEST 152: ztiot PUT needs every required field
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(PUT => main::p(ztiot => 1), {richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['zaaktype', 'required', $main::REQUIRED],
              ['informatieobjecttype', 'required', $main::REQUIRED],
              ['volgnummer', 'required', $main::REQUIRED])



=== TEST 153: ztiot PATCH when zaaktype and informatieobjecttype are published: 400 non-concept-relation (ztc-010)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief', richting => 'inkomend');
--- request eval
main::req(PATCH => main::p(ztiot => 1), {richting => 'intern'})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-relation'])
--- sql_check
SELECT richting FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
inkomend



=== TEST 154: ztiot PATCH moving it to a published zaaktype is refused (ztc-010)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::zt(2, identificatie => 'ZT-2', concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(PATCH => main::p(ztiot => 1), {zaaktype => $main::U{zt2}})
--- more_headers eval
main::hdr_json('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', qr/^non-concept-(?:zaaktype|relation)$/])
--- sql_check
SELECT zaaktype FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
30000000-0000-4000-8000-000000000001



=== TEST 155: ztiot PUT and PATCH of a published zaaktype's relation with catalogi.geforceerd-schrijven: 200
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief', richting => 'inkomend');
--- request eval
[main::req(PUT => main::p(ztiot => 1),
     {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
      volgnummer => 1, richting => 'intern'}),
 main::req(PATCH => main::p(ztiot => 1), {richting => 'uitgaand'})]
--- more_headers eval
main::hdr_json('forceer')
--- error_code eval
[(200) x 2]
--- sql_check
SELECT richting FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out eval
["intern", "uitgaand"]



=== TEST 156: ztiot DELETE on a concept zaaktype: 204, gone, no notification
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(DELETE => main::p(ztiot => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 204
--- response_body:
--- sql_check
SELECT count(*), (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
0|0



=== TEST 157: ztiot DELETE when zaaktype and informatieobjecttype are published: 400 non-concept-relation
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(DELETE => main::p(ztiot => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-relation'])
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
1



=== TEST 158: ztiot DELETE when the zaaktype is published (the informatieobjecttype a concept): refused (ztc-010)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief');
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(DELETE => main::p(ztiot => 1))
--- more_headers eval
main::hdr('schrijver')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', qr/^non-concept-(?:zaaktype|relation)$/])
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
1



=== TEST 159: ztiot DELETE of a published zaaktype's relation with catalogi.geforceerd-verwijderen: 204
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
main::req(DELETE => main::p(ztiot => 1))
--- more_headers eval
main::hdr('forceer')
--- error_code: 204
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
0



=== TEST 160: ztiot writes by a reader are 403, on unknown uuids 404
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::ztiot(1, zaaktype => 1, iot => 'Brief');
--- request eval
[main::req(PUT => main::p(ztiot => 1), {}),
 main::req(PATCH => main::p(ztiot => 1), {richting => 'intern'}),
 main::req(DELETE => main::p(ztiot => 1))]
--- more_headers eval
main::hdr_json('lezer')
--- error_code eval
[(403) x 3]
--- json_subset eval
main::fout(403, 'permission_denied', 'PermissionDenied')
--- sql_check
SELECT count(*) FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
1



=== TEST 161: ztiot writes on an unknown uuid are 404
--- init
main::seed();
--- request eval
[main::req(PUT => main::p(ztiot => 9), {}),
 main::req(PATCH => main::p(ztiot => 9), {richting => 'intern'}),
 main::req(DELETE => main::p(ztiot => 9))]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(404) x 3]
--- json_subset eval
main::fout(404, 'not_found', 'NotFound')



=== TEST 162: deleting a concept zaaktype deletes its zaaktype-informatieobjecttypen (Open Zaak C6)
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::zt(1);
main::zt(2, identificatie => 'ZT-2');
main::ztiot(1, zaaktype => 1, iot => 'Brief');
main::ztiot(2, zaaktype => 2, iot => 'Brief');
--- request eval
[main::req(DELETE => main::p(zt => 1)), main::req(GET => main::p(ztiot => 1))]
--- more_headers eval
main::hdr('schrijver')
--- error_code eval
[204, 404]
--- sql_check
SELECT string_agg(uuid::text, ',') FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out eval
["50000000-0000-4000-8000-000000000002", "50000000-0000-4000-8000-000000000002"]



=== TEST 163: the zaaktype shows the informatieobjecttypen of its zaaktype-informatieobjecttypen
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Bijlage', concept => 0);
main::iot(3, omschrijving => 'Overig', concept => 0);
main::zt(1);
main::ztiot(1, zaaktype => 1, iot => 'Bijlage', volgnummer => 1);
main::ztiot(2, zaaktype => 1, iot => 'Brief', volgnummer => 2);
--- request eval
main::req(GET => main::p(zt => 1))
--- more_headers eval
main::hdr('lezer')
--- error_code: 200
--- json_subset eval
{url => $main::U{zt1}, informatieobjecttypen => main::holds($main::U{iot1}, $main::U{iot2})}
--- response_body_unlike eval
qr/\Q$main::U{iot3}\E/



=== TEST 164: ztc-009: heeftAlleAutorisaties is no explicit scope: a superuser may not PUT, PATCH or DELETE a published iot
# The standard's correctie needs "een expliciete scope": only an autorisatie
# that names catalogi.geforceerd-schrijven / -verwijderen counts (TEST 48, 53).
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
[main::req(PUT => main::p(iot => 1),
     {catalogus => $main::U{cat1}, omschrijving => 'Brief',
      vertrouwelijkheidaanduiding => 'openbaar', beginGeldigheid => '2020-01-01',
      informatieobjectcategorie => 'Correspondentie', trefwoord => ['een']}),
 main::req(PATCH => main::p(iot => 1), {trefwoord => ['een']}),
 main::req(DELETE => main::p(iot => 1))]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 3]
--- response_body_like eval
[qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-object","reason":"Het is niet toegestaan om een non-concept object bij te werken"\}\]/,
 qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-object","reason":"Het is niet toegestaan om een non-concept object bij te werken"\}\]/,
 qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-object","reason":"Alleen concepten kunnen worden verwijderd\."\}\]/]
--- sql_check
SELECT trefwoord, concept, (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
{}|f|0



=== TEST 165: ztc-009: a superuser may not PUT, PATCH or DELETE a published besluittype; a PATCH of eindeGeldigheid alone it may
--- init
main::seed();
main::bt(1, omschrijving => 'Vergunning', concept => 0);
--- request eval
[main::req(PUT => main::p(bt => 1),
     {catalogus => $main::U{cat1}, omschrijving => 'Vergunning',
      publicatieIndicatie => JSON::PP::false, beginGeldigheid => '2020-01-01',
      informatieobjecttypen => [], zaaktypen => []}),
 main::req(PATCH => main::p(bt => 1), {toelichting => 'Correctie'}),
 main::req(DELETE => main::p(bt => 1)),
 main::req(PATCH => main::p(bt => 1), {eindeGeldigheid => '2030-12-31'})]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[400, 400, 400, 200]
--- response_body_like eval
[qr/"code":"non-concept-object"/, qr/"code":"non-concept-object"/,
 qr/"code":"non-concept-object","reason":"Alleen concepten kunnen worden verwijderd\."/,
 qr/"eindeGeldigheid":"2030-12-31"/]
--- sql_check
SELECT toelichting, einde_geldigheid, concept FROM catalogi.besluittype
--- sql_check_out eval
["||f", "||f", "||f", "|2030-12-31|f"]



=== TEST 166: ztc-010: a superuser may not create, change or delete a zaaktype-informatieobjecttype of a published zaaktype
# With a concept informatieobjecttype the zaaktype's rule answers
# (non-concept-zaaktype); between two published ones non-concept-relation.
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
main::iot(2, omschrijving => 'Nota', concept => 1);
main::zt(1, concept => 0);
main::ztiot(1, zaaktype => 1, iot => 'Nota', volgnummer => 1);
--- request eval
[main::req(POST => '/zaaktype-informatieobjecttypen',
     {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot1},
      volgnummer => 2, richting => 'intern'}),
 main::req(POST => '/zaaktype-informatieobjecttypen',
     {zaaktype => $main::U{zt1}, informatieobjecttype => $main::U{iot2},
      volgnummer => 3, richting => 'intern'}),
 main::req(PATCH => main::p(ztiot => 1), {richting => 'uitgaand'}),
 main::req(DELETE => main::p(ztiot => 1))]
--- more_headers eval
main::hdr_json('super')
--- error_code eval
[(400) x 4]
--- response_body_like eval
[qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-relation",[^{}]*\}\]/,
 qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-zaaktype",[^{}]*\}\]/,
 qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-zaaktype",[^{}]*\}\]/,
 qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-zaaktype","reason":"Objects related to non-concept zaaktypen can't be destroyed"\}\]/]
--- sql_check
SELECT count(*), string_agg(richting, ','), (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.zaaktypeinformatieobjecttype
--- sql_check_out
1|inkomend|0



=== TEST 167: ztc-009: a plain catalogi.schrijven client may not correct a published iot either
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0);
--- request eval
[main::req(PATCH => main::p(iot => 1), {trefwoord => ['een']}),
 main::req(DELETE => main::p(iot => 1))]
--- more_headers eval
main::hdr_json('schrijver')
--- error_code eval
[(400) x 2]
--- response_body_like eval
[(q~"code":"non-concept-object"~) x 2]
--- sql_check
SELECT trefwoord, concept FROM catalogi.informatieobjecttype
--- sql_check_out
{}|f



=== TEST 168: every broken rule in one answer: an iot PATCH of a published version that also ends before it begins
# non-concept-object (ztc-009) and date-mismatch are both object-level
# rules: DRF answers its validators together.
--- init
main::seed();
main::iot(1, omschrijving => 'Brief', concept => 0, begin => '2021-01-01');
--- request eval
main::req(PATCH => main::p(iot => 1), {eindeGeldigheid => '2020-06-30', trefwoord => ['x']})
--- more_headers eval
main::hdr_json('super')
--- error_code: 400
--- json_subset eval
main::invalid(['nonFieldErrors', 'non-concept-object'],
              ['nonFieldErrors', 'date-mismatch'])
--- sql_check
SELECT einde_geldigheid, trefwoord FROM catalogi.informatieobjecttype
--- sql_check_out
|{}
