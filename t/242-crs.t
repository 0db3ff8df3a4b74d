# Zaken API 1.5.1: the coordinate reference system of the operations that
# carry geometry (ZGW-INVENTORY 1.6, RULES-CHECKLIST 31 and 32,
# ERROR-CODES 1.5 and 4.1): /zaken (GET, POST), /zaken/{uuid} (GET, HEAD,
# PUT, PATCH; not DELETE) and /zaken/_zoek.  Accept-Crs is required on
# all of them, Content-Crs too on POST, PUT and PATCH: missing is 412
# precondition_failed, another CRS than EPSG:4326 is 406 not_acceptable;
# Content-Crs is checked first.  As vng-api-common's GeoMixin, after the
# permissions (403 first) and before the query and the body.  Successful
# answers carry Content-Crs: EPSG:4326.
#
# Also: a zaakgeometrie PostGIS cannot build is a 400 on the field of the
# write, answered together with the rules checked in the same batch.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;
use JSON::PP ();

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

our $Z1 = '24200000-0000-4000-8000-000000000001';
our $Z2 = '24200000-0000-4000-8000-000000000002';
our $JSON = JSON::PP->new->canonical;

sub main::fixtures {
    OZ::Zaken::seed();
    OZ::Zaken::zaak($Z1, identificatie => 'ZAAK-1');
    OZ::Zaken::zaak($Z2, identificatie => 'ZAAK-2');
    return;
}

# headers without the CRS ones: the token, Host, and EXTRA
sub main::plain {
    my ($who, @extra) = @_;
    return join("\n", OZ::Test::oz_bearer(client_id => $who,
                                          secret => "$who-secret"),
                'Host: localhost', @extra) . "\n";
}

sub main::body {
    my (%o) = @_;
    return $JSON->encode({
        bronorganisatie => '517439943', verantwoordelijkeOrganisatie =>
        '517439943', zaaktype => OZ::Zaken::zt_url('zt1'),
        startdatum => '2026-01-01', %o });
}

run_tests();

__DATA__

=== TEST 1: GET list and detail without Accept-Crs: 412, before the query parameters
--- init
main::fixtures()
--- request eval
["GET /zaken/api/v1/zaken", "GET /zaken/api/v1/zaken?onbekend=1",
 "GET /zaken/api/v1/zaken/$main::Z1"]
--- more_headers eval
main::plain('super')
--- error_code eval
[412, 412, 412]
--- response_body_like eval
[('^\{"type":"http://localhost/ref/fouten/PreconditionFailed/","code":"precondition_failed","title":"Voorwaarde is niet vervuld","status":412,"detail":"\'Accept-Crs\' header ontbreekt",') x 3]
--- response_headers eval
[("!Content-Crs") x 3]



=== TEST 2: another CRS: 406 with the CRS named
--- init
main::fixtures()
--- request eval
["GET /zaken/api/v1/zaken", "GET /zaken/api/v1/zaken/$main::Z1"]
--- more_headers eval
main::plain('super', 'Accept-Crs: EPSG:28992')
--- error_code eval
[406, 406]
--- response_body_like eval
[('"code":"not_acceptable",.*"status":406,"detail":"CRS \'EPSG:28992\' is niet ondersteund"') x 2]



=== TEST 3: with Accept-Crs: EPSG:4326 the answers carry Content-Crs (list, detail, HEAD)
--- init
main::fixtures()
--- request eval
["GET /zaken/api/v1/zaken", "GET /zaken/api/v1/zaken/$main::Z1",
 "HEAD /zaken/api/v1/zaken/$main::Z1"]
--- more_headers eval
OZ::Zaken::hdr('super')
--- error_code eval
[200, 200, 200]
--- response_headers eval
[("Content-Crs: EPSG:4326") x 3]



=== TEST 4: HEAD without Accept-Crs: 412 too
--- init
main::fixtures()
--- request eval
"HEAD /zaken/api/v1/zaken/$main::Z1"
--- more_headers eval
main::plain('super')
--- error_code: 412



=== TEST 5: POST, PUT, PATCH without Content-Crs: 412, checked before Accept-Crs and before the body is parsed
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken\n" . main::body(),
 "PUT /zaken/api/v1/zaken/$main::Z1\n" . main::body(),
 "PATCH /zaken/api/v1/zaken/$main::Z1\n{\"omschrijving\": \"x\"}",
 "POST /zaken/api/v1/zaken\n{not json"]
--- more_headers eval
main::plain('super', 'Content-Type: application/json')
--- error_code eval
[412, 412, 412, 412]
--- response_body_like eval
[('"code":"precondition_failed",.*"detail":"\'Content-Crs\' header ontbreekt"') x 4]



=== TEST 6: POST, PUT, PATCH with Content-Crs but without Accept-Crs: 412 on Accept-Crs
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken\n" . main::body(),
 "PUT /zaken/api/v1/zaken/$main::Z1\n" . main::body(),
 "PATCH /zaken/api/v1/zaken/$main::Z1\n{\"omschrijving\": \"x\"}"]
--- more_headers eval
main::plain('super', 'Content-Type: application/json', 'Content-Crs: EPSG:4326')
--- error_code eval
[412, 412, 412]
--- response_body_like eval
[('"detail":"\'Accept-Crs\' header ontbreekt"') x 3]
--- sql_check
SELECT count(*) FROM zaken.zaak WHERE omschrijving = 'x'
--- sql_check_out
0



=== TEST 7: another Content-Crs: 406
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken\n" . main::body(),
 "PATCH /zaken/api/v1/zaken/$main::Z1\n{\"omschrijving\": \"x\"}"]
--- more_headers eval
main::plain('super', 'Content-Type: application/json', 'Content-Crs: EPSG:28992', 'Accept-Crs: EPSG:4326')
--- error_code eval
[406, 406]
--- response_body_like eval
[('"code":"not_acceptable",.*"detail":"CRS \'EPSG:28992\' is niet ondersteund"') x 2]



=== TEST 8: the writes with both headers: 201 and 200 with Content-Crs
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken\n" . main::body(),
 "PUT /zaken/api/v1/zaken/$main::Z1\n" . main::body(omschrijving => 'y'),
 "PATCH /zaken/api/v1/zaken/$main::Z2\n{\"omschrijving\": \"x\"}"]
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- error_code eval
[201, 200, 200]
--- response_headers eval
[("Content-Crs: EPSG:4326") x 3]



=== TEST 9: DELETE needs neither header and sends none
--- init
main::fixtures()
--- request eval
"DELETE /zaken/api/v1/zaken/$main::Z1"
--- more_headers eval
main::plain('super')
--- error_code: 204
--- response_headers
!Content-Crs



=== TEST 10: the permissions come first: 403 without a token or scope, whatever the CRS headers
--- init
main::fixtures()
--- request eval
["GET /zaken/api/v1/zaken", "POST /zaken/api/v1/zaken/_zoek\n{\"identificatie\": \"x\"}"]
--- more_headers eval
main::plain('catalogi', 'Content-Type: application/json')
--- error_code eval
[403, 403]



=== TEST 11: _zoek without Content-Crs: 412 on Content-Crs
--- init
main::fixtures()
--- request eval
"POST /zaken/api/v1/zaken/_zoek\n{\"identificatie\": \"ZAAK-1\"}"
--- more_headers eval
main::plain('super', 'Content-Type: application/json', 'Accept-Crs: EPSG:4326')
--- error_code: 412
--- response_body_like chomp
"detail":"'Content-Crs' header ontbreekt"



=== TEST 12: _zoek without Accept-Crs: 412 on Accept-Crs, even with an empty body
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken/_zoek\n{\"identificatie\": \"ZAAK-1\"}",
 "POST /zaken/api/v1/zaken/_zoek\n{}"]
--- more_headers eval
main::plain('super', 'Content-Type: application/json', 'Content-Crs: EPSG:4326')
--- error_code eval
[412, 412]
--- response_body_like eval
[('"detail":"\'Accept-Crs\' header ontbreekt"') x 2]



=== TEST 13: the answer of a refused request carries no Content-Crs; other resources need no CRS
--- init
main::fixtures()
--- request eval
["GET /zaken/api/v1/zaken?onbekend=1", "GET /zaken/api/v1/zaken/$main::Z1?x=1",
 "GET /catalogi/api/v1/zaaktypen"]
--- more_headers eval
main::plain('super', 'Accept-Crs: EPSG:4326')
--- error_code eval
[400, 400, 200]
--- response_headers eval
[("!Content-Crs") x 3]



=== TEST 14: a zaakgeometrie PostGIS cannot build: 400 invalid on the field, with the rules of the same batch
--- init
main::fixtures()
--- request eval
["POST /zaken/api/v1/zaken\n" . main::body(zaakgeometrie => { type => 'Polygon', coordinates => [[[4, 51], [7, 51], [4, 51]]] }),
 "PATCH /zaken/api/v1/zaken/$main::Z1\n" . $main::JSON->encode({ zaakgeometrie => { type => 'Polygon', coordinates => [[[4, 51], [7, 51], [7, 54], [4, 54]]] } }),
 "POST /zaken/api/v1/zaken\n" . main::body(zaaktype => OZ::Zaken::zt_url('zt3'), zaakgeometrie => { type => 'LineString', coordinates => [[4, 51]] })]
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- error_code eval
[400, 400, 400]
--- invalid_params eval
["zaakgeometrie invalid Ongeldig formaat: string of unicode invoer niet herkend als GeoJSON, WKT EWKT of HEXEWKB.",
 "zaakgeometrie invalid",
 "zaakgeometrie invalid
zaaktype not-published"]
--- sql_check
SELECT count(*), count(zaakgeometrie) FROM zaken.zaak
--- sql_check_out
2|0



=== TEST 15: a sound geometry is stored and rendered
--- init
main::fixtures()
--- request eval
"PATCH /zaken/api/v1/zaken/$main::Z1\n" . $main::JSON->encode({ zaakgeometrie => { type => 'Polygon', coordinates => [[[4, 51], [7, 51], [7, 54], [4, 51]]] } })
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- error_code: 200
--- response_body_like chomp
"zaakgeometrie":\{"type":"Polygon","coordinates":\[\[\[4,51\],\[7,51\],\[7,54\],\[4,51\]\]\]\}



=== TEST 16: the OpenAPI document: the CRS headers as parameters and in the answers, 412, ordering, the search's body
--- request eval
[("GET /zaken/api/v1/openapi.json") x 5]
--- error_code eval
[(200) x 5]
--- response_body_like eval
['"/zaken":\{"get":\{"operationId":"zaak_list",[^{]*"parameters":\[\{"in":"header","name":"Accept-Crs","schema":\{"type":"string","enum":\["EPSG:4326"\]\}',
 '"operationId":"zaak_create",[^{]*"parameters":\[\{[^}]*"name":"Accept-Crs"[^}]*\}[^}]*\},\{"in":"header","name":"Content-Crs","schema":\{"type":"string","enum":\["EPSG:4326"\]\},"description":"[^"]*","required":true\}',
 '"operationId":"zaak_read",.*?"responses":\{"200":\{"headers":\{"API-version":\{[^}]*\}[^}]*\},"ETag":\{[^}]*\}[^}]*\},"Content-Crs":\{"schema":\{"type":"string","enum":\["EPSG:4326"\]\},"description":"[^"]*","required":true\}.*?"412":',
 '"name":"ordering","schema":\{"type":"array","items":\{"type":"string","enum":\["-startdatum","-einddatum","-publicatiedatum","-archiefactiedatum","-registratiedatum","-identificatie","startdatum",',
 '"operationId":"zaak__zoek",.*?"requestBody":\{"content":\{"application/json":\{"schema":\{"type":"object","properties":\{"archiefactiedatum":\{"type":"string","format":"date"']
