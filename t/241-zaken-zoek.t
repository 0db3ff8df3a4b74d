# Zaken API 1.5.1: POST /zaken/_zoek (ZGW-INVENTORY 1.6 "_zoek", rule
# 111 of RULES-CHECKLIST): the filters of the list as a JSON body (values
# typed as JSON, arrays for the lists), zaakgeometrie.within (PostGIS
# ST_Within), uuid__in and zaaktype__in (500 values), zaaktype__not_in,
# ordering as an array; page and pageSize in the query; an empty body is
# 400 empty_search_body; the answer is the list's, with the per-object
# authorisation of the client (zrc-006, Open Zaak 1.29's fix); bad values
# with the search serializer's codes (ERROR-CODES 1.4: item errors of a
# list are "name." for item 0, then "name.1", ...).
#
# The fixtures are those of t/240 (main::fixtures()), with geometries:
# z1 a point at (5 52), z2 a triangle near (6 53), z3 none.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;
use JSON::PP ();

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

use OZ::ZakenSet;

# the shared zaken of t/lib/OZ/ZakenSet.pm
our %Z = %OZ::ZakenSet::Z;
sub main::zaak_sql { OZ::ZakenSet::zaak_sql(@_) }
sub main::fixtures { OZ::ZakenSet::load() }

our $JSON = JSON::PP->new->canonical;

# POST /zaken/_zoek[?QUERY] for each case [body, [keys], query]: the
# results (order free) as the list of the zaken keys expected
add_block_preprocessor(sub {
    my ($block) = @_;
    return unless defined $block->zoek;
    my @cases = eval $block->zoek;
    die $@ if $@;
    my (@req, @want);
    for my $c (@cases) {
        my ($body, $keys, $query) = @$c;
        push @req, "POST /zaken/api/v1/zaken/_zoek"
                   . (defined $query ? "?$query" : '') . "\n"
                   . (ref $body ? $JSON->encode($body) : $body);
        push @want, '{' . join(',', map { "\"$Z{$_}\":{}" } @$keys) . '}';
    }
    $block->set_value(request => \@req);
    $block->set_value(results_by_uuid => '[' . join(',', @want) . ']');
    $block->set_value(error_code => [(200) x @req]);
    $block->set_value(response_headers => [('Content-Crs: EPSG:4326') x @req]);
    $block->set_value(more_headers => OZ::Zaken::hdr_json('super'))
        unless defined $block->more_headers;
});

sub main::zt { OZ::Zaken::zt_url(@_) }

# n uuids that are no zaak's, then the given ones
sub main::uuids {
    my ($n, @keys) = @_;
    return [(map { sprintf('24000000-0000-4000-8009-%012d', $_) } 1 .. $n),
            map { $Z{$_} } @keys];
}

run_tests();

__DATA__

=== TEST 1: each filter of the list, typed as JSON
--- init
main::fixtures()
--- zoek
[{ identificatie => 'ZAAK-A1' }, ['z1']],
[{ identificatie => 'ZAAK-X' }, []],
[{ identificatie__icontains => 'aak-c' }, ['z3']],
[{ bronorganisatie => '100000009' }, ['z2']],
[{ bronorganisatie__in => ['100000009', '000000000'] }, ['z2']],
[{ startdatum__gt => '2026-01-01', startdatum__lt => '2026-03-01' }, ['z2']],
[{ startdatum__gte => '2026-02-01', startdatum__lte => '2026-02-01' }, ['z2']],
[{ einddatum__isnull => JSON::PP::true }, ['z1']],
[{ archiefactiedatum__isnull => JSON::PP::false }, ['z1', 'z3']],
[{ archiefnominatie => 'blijvend_bewaren' }, ['z2']],
[{ archiefstatus__in => ['overgedragen', 'gearchiveerd'] }, ['z2', 'z3']],
[{ zaaktype => main::zt('zt1') }, ['z1', 'z3']],
[{ zaaktype__omschrijving => 'zt2' }, ['z2']],
[{ maximaleVertrouwelijkheidaanduiding => 'openbaar' }, ['z1']],
[{ kenmerk => 'bronB:k3' }, ['z3']],
[{ kenmerk__bron => 'bronA' }, ['z1']],
[{ rol__betrokkeneType => 'vestiging' }, ['z2']],
[{ rol__machtiging => 'gemachtigde' }, ['z1']],
[{ rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn
       => '111222333' }, ['z1']],
[{ rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie
       => 'oe1' }, ['z2']],
[{ status__statustype => OZ::Zaken::type_url('statustypen', 'st2b') },
 ['z2']],
[{ resultaat__resultaattype
       => OZ::Zaken::type_url('resultaattypen', 'res2') }, ['z2']],
[{ omschrijving => 'VERGUNNING', startdatum => '2026-01-01' }, ['z1']],
[{ onbekend => 1 }, ['z1', 'z2', 'z3']],
[{ startdatum => '', zaaktype => undef }, ['z1', 'z2', 'z3']],



=== TEST 2: uuid__in, zaaktype__in, zaaktype__not_in; 500 values
--- init
main::fixtures()
--- zoek
[{ uuid__in => main::uuids(0, 'z1', 'z3') }, ['z1', 'z3']],
[{ uuid__in => main::uuids(499, 'z2') }, ['z2']],
[{ uuid__in => main::uuids(500) }, []],
[{ uuid__in => [] }, ['z1', 'z2', 'z3']],
[{ zaaktype__in => [main::zt('zt2'), main::zt('zt3')] }, ['z2']],
[{ zaaktype__in => [(map { main::zt('zt3') } 1 .. 499), main::zt('zt1')] },
 ['z1', 'z3']],
[{ zaaktype__in => ['https://elders.example/zaaktypen/1'] }, []],
[{ zaaktype__not_in => [main::zt('zt1')] }, ['z2']],
[{ zaaktype__not_in => [main::zt('zt1'), main::zt('zt2')] }, []],
[{ uuid__in => main::uuids(0, 'z1', 'z2'),
   zaaktype__in => [main::zt('zt2')] }, ['z2']],



=== TEST 3: zaakgeometrie.within: ST_Within of the zaak's geometry
--- init
main::fixtures()
--- zoek
[{ zaakgeometrie => { within => { type => 'Polygon', coordinates =>
    [[[4.9, 51.9], [5.1, 51.9], [5.1, 52.1], [4.9, 52.1], [4.9, 51.9]]] } } },
 ['z1']],
[{ zaakgeometrie => { within => { type => 'Polygon', coordinates =>
    [[[4, 51], [7, 51], [7, 54], [4, 54], [4, 51]]] } } }, ['z1', 'z2']],
[{ zaakgeometrie => { within => { type => 'Polygon', coordinates =>
    [[[6.05, 53], [7, 53], [7, 54], [6.05, 54], [6.05, 53]]] } } }, []],
[{ zaakgeometrie => { within => { type => 'MultiPolygon', coordinates =>
    [[[[5.9, 52.9], [6.2, 52.9], [6.2, 53.2], [5.9, 53.2], [5.9, 52.9]]]] } },
   zaaktype => main::zt('zt2') }, ['z2']],
[{ zaakgeometrie => {} }, ['z1', 'z2', 'z3']],



=== TEST 4: ordering as an array; page and pageSize in the query, the links to the search
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken/_zoek\n{\"ordering\": [\"startdatum\"]}",
 "POST /zaken/api/v1/zaken/_zoek\n{\"ordering\": [\"-archiefactiedatum\", \"identificatie\"]}",
 "POST /zaken/api/v1/zaken/_zoek?pageSize=1&page=2\n{\"ordering\": [\"identificatie\"]}",
 "POST /zaken/api/v1/zaken/_zoek?pageSize=2&page=2&onbekend=1\n{\"uuid__in\": [\"$main::Z{z1}\", \"$main::Z{z2}\", \"$main::Z{z3}\"]}"]
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- error_code eval
[200, 200, 200, 200]
--- response_body_like eval
["(?s)^\\{\"count\":3,.*\"uuid\":\"$main::Z{z1}\".*\"uuid\":\"$main::Z{z2}\".*\"uuid\":\"$main::Z{z3}\"",
 "(?s)^\\{\"count\":3,.*\"uuid\":\"$main::Z{z2}\".*\"uuid\":\"$main::Z{z3}\".*\"uuid\":\"$main::Z{z1}\"",
 "^\\{\"count\":3,\"next\":\"http://localhost/zaken/api/v1/zaken/_zoek\\?page=3&pageSize=1\",\"previous\":\"http://localhost/zaken/api/v1/zaken/_zoek\\?pageSize=1\",\"results\":\\[\\{\"url\":\"http://localhost/zaken/api/v1/zaken/$main::Z{z2}\"",
 "^\\{\"count\":3,\"next\":null,\"previous\":\"http://localhost/zaken/api/v1/zaken/_zoek\\?onbekend=1&pageSize=2\",\"results\":\\[\\{\"url\":\"http://localhost/zaken/api/v1/zaken/$main::Z{z1}\""]



=== TEST 5: an empty body: 400 empty_search_body (no body, {}, [], null)
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken/_zoek\n",
 "POST /zaken/api/v1/zaken/_zoek\n{}",
 "POST /zaken/api/v1/zaken/_zoek\n[]",
 "POST /zaken/api/v1/zaken/_zoek\nnull"]
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- error_code eval
[400, 400, 400, 400]
--- invalid_params eval
[("nonFieldErrors empty_search_body Je moet zoekparameters opgeven") x 4]



=== TEST 6: bad values: the search serializer's codes, all at once; an unknown ordering item by index
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken/_zoek\n" . $main::JSON->encode({
    startdatum => 'x', einddatum__isnull => 'misschien',
    archiefnominatie => 'altijd',
    uuid__in => ['a', $main::Z{z1}, 'b'], zaaktype__in => 'geen-lijst',
    zaaktype__not_in => ['geen url'], ordering => ['startdatum', 'uuid'],
    identificatie => { a => 1 }, bronorganisatie => '12345678a',
    zaakgeometrie => { within => 'POINT(5 52)' } }),
 "POST /zaken/api/v1/zaken/_zoek\n" . $main::JSON->encode({
    zaakgeometrie => 1, ordering => 'startdatum', uuid__in => [1],
    registratiedatum => 20260101 }),
 "POST /zaken/api/v1/zaken/_zoek\n[1]"]
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- error_code eval
[400, 400, 400]
--- invalid_params eval
["startdatum invalid Date heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD.
einddatum__isnull invalid Must be a valid boolean.
archiefnominatie invalid_choice \"altijd\" is een ongeldige keuze.
uuid__in. invalid Must be a valid UUID.
uuid__in.2 invalid Must be a valid UUID.
zaaktype__in not_a_list Verwachtte een lijst met items, maar kreeg type \"str\".
zaaktype__not_in. invalid Voer een geldige URL in.
ordering.1 invalid_choice \"uuid\" is een ongeldige keuze.
identificatie invalid Not a valid string.
bronorganisatie only-digits Voer een numerieke waarde in
zaakgeometrie.within invalid Ongeldig formaat: string of unicode invoer niet herkend als GeoJSON, WKT EWKT of HEXEWKB.",
"zaakgeometrie.nonFieldErrors invalid Ongeldige data. Verwacht een dictionary, kreeg een int.
ordering not_a_list Verwachtte een lijst met items, maar kreeg type \"str\".
uuid__in. invalid Must be a valid UUID.
registratiedatum invalid Date heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD.",
"nonFieldErrors invalid Ongeldige data. Verwacht een dictionary, kreeg een list."]



=== TEST 7: a polygon PostGIS cannot build (a ring of three points, an open ring): 400 on zaakgeometrie.within, not a 500
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken/_zoek\n" . $main::JSON->encode({
    zaakgeometrie => { within => { type => 'Polygon', coordinates =>
        [[[4, 51], [7, 51], [4, 51]]] } } }),
 "POST /zaken/api/v1/zaken/_zoek\n" . $main::JSON->encode({
    zaakgeometrie => { within => { type => 'Polygon', coordinates =>
        [[[4, 51], [7, 51], [7, 54], [4, 54]]] } } })]
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- error_code eval
[400, 400]
--- invalid_params eval
[("zaakgeometrie.within invalid Ongeldig formaat: string of unicode invoer niet herkend als GeoJSON, WKT EWKT of HEXEWKB.") x 2]



=== TEST 8: per-object authorisation: a client for ZT1 finds only zaken of ZT1
--- init
main::fixtures()
--- more_headers eval
OZ::Zaken::hdr_json('lezer')
--- zoek
[{ uuid__in => [$main::Z{z1}, $main::Z{z2}, $main::Z{z3}] }, ['z1', 'z3']],
[{ zaaktype => main::zt('zt2') }, []],



=== TEST 9: per-object authorisation: up to openbaar, only the openbare zaak
--- init
main::fixtures()
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- zoek
[{ uuid__in => [$main::Z{z1}, $main::Z{z2}, $main::Z{z3}] }, ['z1']],
[{ zaaktype => main::zt('zt1') }, ['z1']],



=== TEST 10: scope zaken.lezen: a client without it is refused
--- init
main::fixtures()
--- request
POST /zaken/api/v1/zaken/_zoek
{"identificatie": "ZAAK-A1"}
--- more_headers eval
OZ::Zaken::hdr_json('catalogi')
--- error_code: 403
--- response_body_like chomp
"code":"permission_denied"



=== TEST 11: only POST
--- init
main::fixtures()
--- request
GET /zaken/api/v1/zaken/_zoek
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code: 405
