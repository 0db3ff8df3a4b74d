# Zaken API 1.5.1: the expand parameter of GET /zaken and GET /zaken/{uuid}
# (expand_patroon, zrc-025..027).  Every object of the answer has an
# "_expand" (also without the parameter, as in Open Zaak); each segment of
# a dotted path is expanded (zrc-issue-003); the paths are the OAS enum
# (three levels at most), anything else is 400 invalid_choice; each
# component an expansion reads needs its <component>.lezen scope (Open
# Zaak's ExpandAuthRequired: 403); an expanded zaak obeys the per-object
# authorisation of the list (an invisible hoofdzaak is null, invisible
# deelzaken are left out).  The ETag of a detail is that of the object
# without "_expand".  Expansions are statements of the request's one
# round trip.
#
# Zaken of the blocks (T250::data): hoofdzaak H1 (ZT1, openbaar, with a
# kenmerk) and its deelzaken D1 (ZT1, openbaar), D2 (ZT1, geheim), D3
# (ZT2); hoofdzaak H2 (ZT2) and its deelzaak D4 (ZT1, openbaar).  In
# insertion order, so a list (newest first) is D4 H2 D3 D2 D1 H1.
# Client leescat: zrc zaken.lezen for ZT1 and ztc catalogi.lezen.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;
use Digest::MD5 ();
use JSON::PP ();

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

our %Z = (
    H1 => '25000000-0000-4000-8000-000000000001',
    D1 => '25000000-0000-4000-8000-000000000002',
    D2 => '25000000-0000-4000-8000-000000000003',
    D3 => '25000000-0000-4000-8000-000000000004',
    H2 => '25000000-0000-4000-8000-000000000005',
    D4 => '25000000-0000-4000-8000-000000000006',
);

sub T250::data {
    OZ::Zaken::seed();
    OZ::Test::oz_client(client_id => 'leescat', secret => 'leescat-secret',
        uuid => 'eeeeeeee-2500-4000-8000-000000000001', label => 'leescat',
        heeft_alle => 0,
        autorisaties => [
            { component => 'zrc', scopes => ['zaken.lezen'],
              zaaktype => OZ::Zaken::zt_url('zt1'), max_va => 'zeer_geheim' },
            { component => 'ztc', scopes => ['catalogi.lezen'] }]);
    OZ::Zaken::zaak($Z{H1}, zaaktype => 'zt1', va => 'openbaar',
                    omschrijving => 'H1');
    OZ::Zaken::zaak($Z{D1}, zaaktype => 'zt1', va => 'openbaar',
                    hoofdzaak => $Z{H1}, omschrijving => 'D1');
    OZ::Zaken::zaak($Z{D2}, zaaktype => 'zt1', va => 'geheim',
                    hoofdzaak => $Z{H1}, omschrijving => 'D2');
    OZ::Zaken::zaak($Z{D3}, zaaktype => 'zt2', hoofdzaak => $Z{H1},
                    omschrijving => 'D3');
    OZ::Zaken::zaak($Z{H2}, zaaktype => 'zt2', omschrijving => 'H2');
    OZ::Zaken::zaak($Z{D4}, zaaktype => 'zt1', va => 'openbaar',
                    hoofdzaak => $Z{H2}, omschrijving => 'D4');
    OZ::Zaken::sql("INSERT INTO zaken.zaakkenmerk (zaak, position, kenmerk,"
                   . " bron) VALUES ('$Z{H1}', 0, 'K-1', 'Bron')");
    return;
}

sub T250::zurl { OZ::Zaken::url("zaken/$Z{$_[0]}") }

# --- expand_count: how many "_expand" members the body has in all
Test::Nginx::Socket::add_response_body_check(sub {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $want = $block->expand_count;
    return unless defined $want;
    $want = $want->[$req_idx] if ref $want eq 'ARRAY';
    return unless defined $want;
    my $desc = $block->name . " - expand_count (req $req_idx)";
    if ($dry_run) {
        SKIP: { Test::More::skip("$desc: $dry_run", 1) }
        return;
    }
    my @n = ($body // '') =~ /"_expand":/g;
    Test::More::is(scalar @n, $want, $desc);
});

# --- openapi_expand: how many operations of the document have the expand
# parameter, each with the OAS enum of 31 paths (style form, no explode)
Test::Nginx::Socket::add_response_body_check(sub {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $want = $block->openapi_expand;
    return unless defined $want;
    my $desc = $block->name . " - openapi_expand (req $req_idx)";
    if ($dry_run) {
        SKIP: { Test::More::skip("$desc: $dry_run", 1) }
        return;
    }
    my $doc = eval { JSON::PP::decode_json($body // '') } || {};
    my @found;
    for my $path (values %{ $doc->{paths} || {} }) {
        for my $op (values %$path) {
            next unless ref $op eq 'HASH';
            for my $p (@{ $op->{parameters} || [] }) {
                next unless ($p->{name} // '') eq 'expand';
                my $e = $p->{schema}{items}{enum} || [];
                push @found, "$op->{operationId}: " . scalar(@$e) . " "
                    . ($p->{style} // '') . " "
                    . ($p->{explode} ? 'explode' : 'no-explode')
                    . (grep({ $_ eq 'hoofdzaak.status.statustype' } @$e)
                       ? '' : ' (missing paths)');
            }
        }
    }
    Test::More::is(join("\n", sort @found),
                   "zaak_list: 31 form no-explode\nzaak_read: 31 form no-explode",
                   $desc);
});

run_tests();

__DATA__

=== TEST 1: a detail without expand has an empty _expand; zaaktype and hoofdzaak expanded on a detail
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{D1}",
 "GET /zaken/api/v1/zaken/$main::Z{D1}?expand=zaaktype",
 "GET /zaken/api/v1/zaken/$main::Z{D1}?expand=hoofdzaak,zaaktype",
 "GET /zaken/api/v1/zaken/$main::Z{H1}?expand=hoofdzaak"]
--- error_code eval
[200, 200, 200, 200]
--- json_subset eval
['{"omschrijving": "D1", "_expand": {}}',
 '{"omschrijving": "D1", "_expand": {"zaaktype": {"url": "' . OZ::Zaken::zt_url('zt1') . '", "identificatie": "ZT1", "statustypen": ["/bbbbbbbb-2001-4000-8000-000000000001/", "/bbbbbbbb-2001-4000-8000-000000000002/"]}}}',
 '{"_expand": {"zaaktype": {"identificatie": "ZT1"}, "hoofdzaak": {"url": "' . T250::zurl('H1') . '", "omschrijving": "H1", "kenmerken": [{"kenmerk": "K-1", "bron": "Bron"}], "deelzaken": ["' . T250::zurl('D1') . '", "' . T250::zurl('D2') . '", "' . T250::zurl('D3') . '"]}}}',
 '{"omschrijving": "H1", "_expand": {"hoofdzaak": null}}']
--- expand_count eval
[1, 1, 1, 1]

=== TEST 2: deelzaken on a detail and on a list, in their order; _expand on every result
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{H1}?expand=deelzaken",
 "GET /zaken/api/v1/zaken?expand=deelzaken",
 "GET /zaken/api/v1/zaken"]
--- error_code eval
[200, 200, 200]
--- json_subset eval
['{"_expand": {"deelzaken": [{"url": "' . T250::zurl('D1') . '", "omschrijving": "D1", "hoofdzaak": "' . T250::zurl('H1') . '"}, {"omschrijving": "D2"}, {"omschrijving": "D3"}]}}',
 '{"count": 6, "results": [{"omschrijving": "D4", "_expand": {"deelzaken": []}}, {"omschrijving": "H2", "_expand": {"deelzaken": [{"omschrijving": "D4"}]}}, {"omschrijving": "D3", "_expand": {"deelzaken": []}}, {"omschrijving": "D2", "_expand": {"deelzaken": []}}, {"omschrijving": "D1", "_expand": {"deelzaken": []}}, {"omschrijving": "H1", "_expand": {"deelzaken": [{"omschrijving": "D1"}, {"omschrijving": "D2"}, {"omschrijving": "D3"}]}}]}',
 '{"count": 6, "results": [{"_expand": {}}, {"_expand": {}}, {"_expand": {}}, {"_expand": {}}, {"_expand": {}}, {"_expand": {}}]}']
--- expand_count eval
[1, 6, 6]

=== TEST 3: the expansions of a page are those of its own rows (page, last page, filters of the shape)
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken?expand=hoofdzaak&pageSize=2&page=2",
 "GET /zaken/api/v1/zaken?pageSize=4&page=last&expand=hoofdzaak,deelzaken"]
--- error_code eval
[200, 200]
--- json_subset eval
['{"count": 6, "results": [{"omschrijving": "D3", "_expand": {"hoofdzaak": {"omschrijving": "H1"}}}, {"omschrijving": "D2", "_expand": {"hoofdzaak": {"omschrijving": "H1"}}}]}',
 '{"count": 6, "results": [{"omschrijving": "D1", "_expand": {"hoofdzaak": {"omschrijving": "H1"}, "deelzaken": []}}, {"omschrijving": "H1", "_expand": {"hoofdzaak": null, "deelzaken": [{"omschrijving": "D1"}, {"omschrijving": "D2"}, {"omschrijving": "D3"}]}}]}']

=== TEST 4: with an ordering, the expansions follow the page's own order
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken?ordering=identificatie&pageSize=2&expand=hoofdzaak,deelzaken",
 "GET /zaken/api/v1/zaken?ordering=-identificatie&pageSize=2&page=2&expand=hoofdzaak"]
--- error_code eval
[200, 200]
--- json_subset eval
['{"count": 6, "results": [{"omschrijving": "H1", "_expand": {"hoofdzaak": null, "deelzaken": [{"omschrijving": "D1"}, {"omschrijving": "D2"}, {"omschrijving": "D3"}]}}, {"omschrijving": "D1", "_expand": {"hoofdzaak": {"omschrijving": "H1"}, "deelzaken": []}}]}',
 '{"count": 6, "results": [{"omschrijving": "D3", "_expand": {"hoofdzaak": {"omschrijving": "H1"}}}, {"omschrijving": "D2", "_expand": {"hoofdzaak": {"omschrijving": "H1"}}}]}']

=== TEST 5: nested paths expand every segment; expanded objects have an _expand only where a path goes on
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{D1}?expand=hoofdzaak.zaaktype",
 "GET /zaken/api/v1/zaken/$main::Z{H1}?expand=deelzaken.zaaktype,zaaktype",
 "GET /zaken/api/v1/zaken?expand=hoofdzaak.zaaktype&pageSize=1"]
--- error_code eval
[200, 200, 200]
--- json_subset eval
['{"_expand": {"hoofdzaak": {"omschrijving": "H1", "_expand": {"zaaktype": {"identificatie": "ZT1"}}}}}',
 '{"_expand": {"zaaktype": {"identificatie": "ZT1"}, "deelzaken": [{"omschrijving": "D1", "_expand": {"zaaktype": {"identificatie": "ZT1"}}}, {"omschrijving": "D2", "_expand": {"zaaktype": {"identificatie": "ZT1"}}}, {"omschrijving": "D3", "_expand": {"zaaktype": {"identificatie": "ZT2"}}}]}}',
 '{"results": [{"omschrijving": "D4", "_expand": {"hoofdzaak": {"omschrijving": "H2", "_expand": {"zaaktype": {"identificatie": "ZT2"}}}}}]}']
--- expand_count eval
[2, 4, 2]
--- json_absent eval
[undef, "_expand.zaaktype._expand", undef]

=== TEST 6: a zaak without status, resultaat or parts: null and [] (and paths whose resources are not served yet the same)
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
"GET /zaken/api/v1/zaken/$main::Z{D1}?expand=status.statustype,rollen.roltype,resultaat,zaakobjecten,zaakinformatieobjecten,eigenschappen,deelzaken.status"
--- error_code: 200
--- json_subset
{"_expand": {"status": null, "rollen": [], "resultaat": null, "zaakobjecten": [],
             "zaakinformatieobjecten": [], "eigenschappen": [], "deelzaken": []}}

=== TEST 7: status and resultaat with their types, on a detail, a list and below a hoofdzaak and deelzaken
--- init
T250::data();
OZ::Zaken::status('25000000-5000-4000-8000-000000000001', $main::Z{H1}, statustype => 'st1a', datum => '2026-01-02T10:00:00Z');
OZ::Zaken::status('25000000-5000-4000-8000-000000000002', $main::Z{H1}, statustype => 'st1b', datum => '2026-01-03T10:00:00Z');
OZ::Zaken::resultaat('25000000-5000-4000-8000-000000000003', $main::Z{H1}, resultaattype => 'res1');
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{H1}?expand=status.statustype,resultaat.resultaattype",
 "GET /zaken/api/v1/zaken/$main::Z{D1}?expand=hoofdzaak.status.statustype,hoofdzaak.resultaat",
 "GET /zaken/api/v1/zaken?expand=status,deelzaken.status&pageSize=1&page=6"]
--- error_code eval
[200, 200, 200]
--- json_subset eval
['{"status": "' . OZ::Zaken::url('statussen/25000000-5000-4000-8000-000000000002') . '", "_expand": {"status": {"url": "' . OZ::Zaken::url('statussen/25000000-5000-4000-8000-000000000002') . '", "zaak": "' . T250::zurl('H1') . '", "statustype": "' . OZ::Zaken::type_url('statustypen', 'st1b') . '", "_expand": {"statustype": {"url": "' . OZ::Zaken::type_url('statustypen', 'st1b') . '", "omschrijving": "Afgehandeld"}}}, "resultaat": {"url": "' . OZ::Zaken::url('resultaten/25000000-5000-4000-8000-000000000003') . '", "_expand": {"resultaattype": {"omschrijving": "Toegekend"}}}}}',
 '{"status": null, "_expand": {"hoofdzaak": {"omschrijving": "H1", "_expand": {"status": {"statustype": "' . OZ::Zaken::type_url('statustypen', 'st1b') . '", "_expand": {"statustype": {"omschrijving": "Afgehandeld"}}}, "resultaat": {"resultaattype": "' . OZ::Zaken::type_url('resultaattypen', 'res1') . '"}}}}}',
 '{"count": 6, "results": [{"omschrijving": "H1", "_expand": {"status": {"statustype": "' . OZ::Zaken::type_url('statustypen', 'st1b') . '"}, "deelzaken": [{"omschrijving": "D1", "_expand": {"status": null}}, {"omschrijving": "D2", "_expand": {"status": null}}, {"omschrijving": "D3", "_expand": {"status": null}}]}}]}']
--- expand_count eval
[3, 3, 4]

=== TEST 8: a name that is no path of the OAS enum, or deeper than three levels, is invalid_choice (the first one)
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken?expand=foo",
 "GET /zaken/api/v1/zaken/$main::Z{D1}?expand=zaaktype,hoofdzaak.hoofdzaak,bar",
 "GET /zaken/api/v1/zaken?expand=deelzaken.status.statustype.zaaktype",
 "GET /zaken/api/v1/zaken?expand=zaaktype.statustypen",
 "GET /zaken/api/v1/zaken?expand=%20zaaktype",
 "GET /zaken/api/v1/zaken?expand=zaaktype,&pageSize=1",
 "GET /zaken/api/v1/zaken?expand=foo&onbekend=1"]
--- error_code eval
[400, 400, 400, 400, 400, 200, 400]
--- response_headers_like eval
[('Content-Type: application/problem\+json') x 5, 'Content-Type: application/json',
 'Content-Type: application/problem\+json']
--- invalid_params eval
["expand invalid_choice Selecteer een geldige keuze. foo is geen beschikbare keuze.",
 "expand invalid_choice Selecteer een geldige keuze. hoofdzaak.hoofdzaak is geen beschikbare keuze.",
 "expand invalid_choice Selecteer een geldige keuze. deelzaken.status.statustype.zaaktype is geen beschikbare keuze.",
 "expand invalid_choice Selecteer een geldige keuze. zaaktype.statustypen is geen beschikbare keuze.",
 "expand invalid_choice Selecteer een geldige keuze.  zaaktype is geen beschikbare keuze.",
 undef,
 "nonFieldErrors unknown-parameters Onbekende query parameters: onbekend"]

=== TEST 9: an expanded component needs its lezen scope: 403, before the other checks of the query
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{D1}?expand=zaaktype",
 "GET /zaken/api/v1/zaken?expand=hoofdzaak.zaaktype",
 "GET /zaken/api/v1/zaken?expand=zaaktype,foo&onbekend=1",
 "GET /zaken/api/v1/zaken/$main::Z{D3}?expand=deelzaken.zaaktype",
 "GET /zaken/api/v1/zaken/$main::Z{D1}?expand=hoofdzaak,deelzaken"]
--- error_code eval
[403, 403, 403, 403, 200]
--- response_body_like eval
[('"code":"permission_denied"') x 4, '"omschrijving":"H1"']
--- json_subset eval
[undef, undef, undef, undef,
 '{"_expand": {"hoofdzaak": {"omschrijving": "H1"}, "deelzaken": []}}']

=== TEST 10: with catalogi.lezen as well, the zaaktype expands
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('leescat')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{D1}?expand=zaaktype",
 "GET /zaken/api/v1/zaken?expand=hoofdzaak.zaaktype&pageSize=1"]
--- error_code eval
[200, 200]
--- json_subset eval
['{"_expand": {"zaaktype": {"identificatie": "ZT1"}}}',
 '{"count": 4, "results": [{"omschrijving": "D4", "_expand": {"hoofdzaak": null}}]}']

=== TEST 11: expanded zaken obey the per-object authorisation: an invisible hoofdzaak is null, invisible deelzaken are left out
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{H1}?expand=deelzaken",
 "GET /zaken/api/v1/zaken/$main::Z{D4}?expand=hoofdzaak",
 "GET /zaken/api/v1/zaken?expand=hoofdzaak,deelzaken"]
--- error_code eval
[200, 200, 200]
--- json_subset eval
['{"deelzaken": ["' . T250::zurl('D1') . '", "' . T250::zurl('D2') . '", "' . T250::zurl('D3') . '"], "_expand": {"deelzaken": [{"omschrijving": "D1"}, {"omschrijving": "D2"}]}}',
 '{"hoofdzaak": "' . T250::zurl('H2') . '", "_expand": {"hoofdzaak": null}}',
 '{"count": 4, "results": [{"omschrijving": "D4", "_expand": {"hoofdzaak": null, "deelzaken": []}}, {"omschrijving": "D2", "_expand": {"hoofdzaak": {"omschrijving": "H1"}, "deelzaken": []}}, {"omschrijving": "D1", "_expand": {"hoofdzaak": {"omschrijving": "H1"}, "deelzaken": []}}, {"omschrijving": "H1", "_expand": {"hoofdzaak": null, "deelzaken": [{"omschrijving": "D1"}, {"omschrijving": "D2"}]}}]}']

=== TEST 12: the same for a vertrouwelijkheidaanduiding above the client's maximum
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('beperkt')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{H1}?expand=deelzaken",
 "GET /zaken/api/v1/zaken?expand=hoofdzaak,deelzaken"]
--- error_code eval
[200, 200]
--- json_subset eval
['{"_expand": {"deelzaken": [{"omschrijving": "D1"}]}}',
 '{"count": 3, "results": [{"omschrijving": "D4", "_expand": {"hoofdzaak": null, "deelzaken": []}}, {"omschrijving": "D1", "_expand": {"hoofdzaak": {"omschrijving": "H1"}, "deelzaken": []}}, {"omschrijving": "H1", "_expand": {"hoofdzaak": null, "deelzaken": [{"omschrijving": "D1"}]}}]}']

=== TEST 13: a client with every autorisatie: the invisible ones of TEST 11 are there
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
"GET /zaken/api/v1/zaken/$main::Z{D4}?expand=hoofdzaak"
--- error_code: 200
--- json_subset
{"_expand": {"hoofdzaak": {"omschrijving": "H2"}}}

=== TEST 14: the ETag of a detail is that of the object without _expand, whatever is expanded
--- init
T250::data();
my $r = OZ::Test::oz_http('GET', "/zaken/api/v1/zaken/$main::Z{H1}",
                          OZ::Zaken::hdr('super') =~ s/^Host: [^\n]*\n//mr);
(my $plain = $r->[1]) =~ s/,"_expand":\{\}\}\z/}/;
$main::ETAG = '"' . Digest::MD5::md5_hex($plain) . '"';
--- more_headers eval
sub { OZ::Zaken::hdr('super', "If-None-Match: $main::ETAG") }
--- request eval
["GET /zaken/api/v1/zaken/$main::Z{H1}",
 "GET /zaken/api/v1/zaken/$main::Z{H1}?expand=deelzaken.zaaktype",
 "GET /zaken/api/v1/zaken/$main::Z{H1}?expand=deelzaken,zaaktype,hoofdzaak",
 "GET /zaken/api/v1/zaken/$main::Z{D1}?expand=hoofdzaak"]
--- error_code eval
[304, 304, 304, 200]

=== TEST 15: a list and a detail with expansions are one round trip each
--- init
T250::data();
my $h = OZ::Zaken::hdr('super') =~ s/^Host: [^\n]*\n//mr;
OZ::Test::oz_http('GET', '/zaken/api/v1/zaken', $h);
for my $path ('/zaken/api/v1/zaken?expand=hoofdzaak.zaaktype,deelzaken.zaaktype,zaaktype,status,rollen',
              "/zaken/api/v1/zaken/$main::Z{H1}?expand=hoofdzaak.zaaktype,deelzaken.zaaktype,zaaktype") {
    my $pos = OZ::Test::oz_log_size();
    my $res = OZ::Test::oz_http('GET', $path, $h);
    Test::More::is($res->[0], 200, "GET $path: status");
    my @n = OZ::Test::oz_log_since($pos) =~ /openzaak pg: round trip/g;
    Test::More::is(scalar @n, 1, "GET $path: round trips");
}
--- more_headers eval
OZ::Zaken::hdr('super')
--- request
GET /zaken/api/v1/zaken?expand=zaaktype&pageSize=1
--- error_code: 200

=== TEST 16: the OpenAPI document lists the expand parameter of zaak_list and zaak_read with its paths
--- request
GET /zaken/api/v1/openapi.json
--- error_code: 200
--- openapi_expand: zaak_list zaak_read

=== TEST 17: a search takes expand from its body (an array) and from the query, together
--- init
T250::data();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaken/_zoek\n{\"uuid__in\": [\"$main::Z{D1}\"], \"expand\": [\"hoofdzaak\"]}",
 "POST /zaken/api/v1/zaken/_zoek?expand=zaaktype\n{\"uuid__in\": [\"$main::Z{D1}\"], \"expand\": [\"hoofdzaak\"]}",
 "POST /zaken/api/v1/zaken/_zoek\n{\"uuid__in\": [\"$main::Z{D1}\"]}",
 "POST /zaken/api/v1/zaken/_zoek\n{\"uuid__in\": [\"$main::Z{D1}\"], \"expand\": [\"foo\"]}"]
--- error_code eval
[200, 200, 200, 400]
--- response_headers_like eval
[('Content-Type: application/json') x 3, 'Content-Type: application/problem\+json']
--- json_subset eval
['{"count": 1, "results": [{"omschrijving": "D1", "_expand": {"hoofdzaak": {"omschrijving": "H1"}}}]}',
 '{"count": 1, "results": [{"omschrijving": "D1", "_expand": {"hoofdzaak": {"omschrijving": "H1"}, "zaaktype": {"identificatie": "ZT1"}}}]}',
 '{"count": 1, "results": [{"omschrijving": "D1", "_expand": {}}]}',
 undef]
--- invalid_params eval
[undef, undef, undef,
 "expand invalid_choice Selecteer een geldige keuze. foo is geen beschikbare keuze."]
