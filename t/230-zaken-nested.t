# Zaken API 1.5.1: nested routes (/zaken/{zaak_uuid}/zaakeigenschappen)
# and the zaakeigenschap resource.  The parent zaak from the path: 404
# when it does not exist, the authorisation of the client against it
# (403, ZaakNestedAuthRequired), the children of that zaak only; a
# create belongs to the zaak of the path.  zaakeigenschap: naam from the
# eigenschap, zaaktype-mismatch (zrc-018), immutable zaak and eigenschap,
# notifications, the OpenAPI document's nested paths.
#
# Fixtures and clients: t/lib/OZ/Zaken.pm.  Sections invalid_params and
# results_by_uuid: t/lib/OZ/Checks.pm.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

our $Z1 = '11111111-0000-4000-8000-000000000001';
our $Z2 = '11111111-0000-4000-8000-000000000002';
our $Z3 = '11111111-0000-4000-8000-000000000003';
our $E1 = '22222222-0000-4000-8000-000000000001';
our $E2 = '22222222-0000-4000-8000-000000000002';
our $E3 = '22222222-0000-4000-8000-000000000003';

# zaken Z1 (ZT1, openbaar) and Z2 (ZT1, geheim), Z3 (ZT2); a
# zaakeigenschap E1 of Z1, E2 of Z2, E3 of Z3
sub fixture {
    OZ::Zaken::seed();
    OZ::Zaken::zaak($Z1, identificatie => 'Z-1', va => 'openbaar');
    OZ::Zaken::zaak($Z2, identificatie => 'Z-2', va => 'geheim');
    OZ::Zaken::zaak($Z3, identificatie => 'Z-3', zaaktype => 'zt2');
    OZ::Zaken::sql(
        "INSERT INTO zaken.zaakeigenschap (uuid, zaak, eigenschap, waarde)"
        . " VALUES ('$E1', '$Z1', '$OZ::Zaken::U{eig1}', 'rood'),"
        . " ('$E2', '$Z2', '$OZ::Zaken::U{eig1}', 'groen'),"
        . " ('$E3', '$Z3', '$OZ::Zaken::U{eig2}', 'blauw');");
}

sub eig { OZ::Zaken::type_url('eigenschappen', $_[0]) }

run_tests();

__DATA__

=== TEST 1: create below the zaak of the path: naam from the eigenschap, the nested URL, a notification
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"eigenschap\": \"" . main::eig('eig1') . "\", \"waarde\": \"geel\"}"
--- error_code: 201
--- response_headers_like eval
"Location: http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/[0-9a-f-]{36}"
--- response_body_like eval
qr{^\{"url":"http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/[0-9a-f-]{36}","uuid":"[0-9a-f-]{36}","zaak":"http://localhost/zaken/api/v1/zaken/$main::Z1","eigenschap":"http://localhost/catalogi/api/v1/eigenschappen/99999999-2001-4000-8000-000000000001","naam":"kleur","waarde":"geel"\}$}
--- sql_check
SELECT kanaal, bericht->>'actie', bericht->>'resource',
       bericht->>'hoofdObject' LIKE '%/zaken/11111111-0000-4000-8000-000000000001',
       bericht->>'resourceUrl' LIKE '%/zaken/11111111-0000-4000-8000-000000000001/zaakeigenschappen/%'
  FROM zgw.notificatie
--- sql_check_out
zaken|create|zaakeigenschap|t|t

=== TEST 2: list: a plain array of the zaak's zaakeigenschappen only; 404 for a zaak that does not exist
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen",
 "GET /zaken/api/v1/zaken/11111111-0000-4000-8000-00000000dead/zaakeigenschappen"]
--- error_code eval
[200, 404]
--- json_subset eval
["[{\"uuid\": \"$main::E1\", \"url\": \"http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1\", \"zaak\": \"http://localhost/zaken/api/v1/zaken/$main::Z1\", \"naam\": \"kleur\", \"waarde\": \"rood\"}]",
 '{"status": 404, "code": "not_found"}']

=== TEST 3: read, HEAD and ETag; a zaakeigenschap of another zaak, or none, is 404
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1",
 "HEAD /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1",
 "GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E2",
 "GET /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen/$main::E1",
 "GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/22222222-0000-4000-8000-00000000dead"]
--- error_code eval
[200, 200, 404, 404, 404]
--- response_headers_like eval
['ETag: "[0-9a-f]{32}"', 'ETag: "[0-9a-f]{32}"', 'Content-Type: application/problem\+json', 'Content-Type: application/problem\+json', 'Content-Type: application/problem\+json']
--- json_subset eval
["{\"url\": \"http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1\", \"uuid\": \"$main::E1\", \"eigenschap\": \"http://localhost/catalogi/api/v1/eigenschappen/99999999-2001-4000-8000-000000000001\", \"naam\": \"kleur\", \"waarde\": \"rood\"}",
 undef, undef, undef, undef]

=== TEST 4: a client that may not see the zaak of the path: the nested list, detail, create, update and delete are 403
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen",
 "GET /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen/$main::E2",
 "POST /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z2") . "\", \"eigenschap\": \"" . main::eig('eig1') . "\", \"waarde\": \"x\"}",
 "PATCH /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen/$main::E2
{\"waarde\": \"x\"}",
 "DELETE /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen/$main::E2",
 "GET /zaken/api/v1/zaken/$main::Z3/zaakeigenschappen",
 "GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen",
 "GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1"]
--- error_code eval
[403, 403, 403, 403, 403, 403, 200, 200]
--- json_subset eval
[('{"status": 403, "code": "permission_denied"}') x 6,
 "[{\"uuid\": \"$main::E1\"}]", "{\"uuid\": \"$main::E1\"}"]
--- sql_check
SELECT count(*) || ' ' || string_agg(waarde, ',' ORDER BY waarde) FROM zaken.zaakeigenschap
--- sql_check_out eval
[('3 blauw,groen,rood') x 8]

=== TEST 5: a create under a zaak the client may see, in the body another one it may not: the zaak of the path
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
"POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z2") . "\", \"eigenschap\": \"" . main::eig('eig1') . "\", \"waarde\": \"paars\"}"
--- error_code: 201
--- json_subset eval
"{\"zaak\": \"http://localhost/zaken/api/v1/zaken/$main::Z1\", \"waarde\": \"paars\"}"
--- sql_check
SELECT zaak FROM zaken.zaakeigenschap WHERE waarde = 'paars'
--- sql_check_out eval
$main::Z1

=== TEST 6: a client without zaken.bijwerken may read but not write below a zaak it sees
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('lezer')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen",
 "POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"eigenschap\": \"" . main::eig('eig1') . "\", \"waarde\": \"x\"}",
 "DELETE /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1"]
--- error_code eval
[200, 403, 403]

=== TEST 7: create: zaaktype-mismatch (zrc-018), required fields, an eigenschap that does not exist
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"eigenschap\": \"" . main::eig('eig2') . "\", \"waarde\": \"x\"}",
 "POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen
{}",
 "POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"eigenschap\": \"http://localhost/catalogi/api/v1/eigenschappen/99999999-2001-4000-8000-00000000dead\", \"waarde\": \"x\"}",
 "POST /zaken/api/v1/zaken/11111111-0000-4000-8000-00000000dead/zaakeigenschappen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"eigenschap\": \"" . main::eig('eig1') . "\", \"waarde\": \"x\"}"]
--- error_code eval
[400, 400, 400, 404]
--- invalid_params eval
["nonFieldErrors zaaktype-mismatch De referentie hoort niet bij het zaaktype van de zaak.",
 "zaak required\neigenschap required\nwaarde required",
 "eigenschap does_not_exist",
 undef]
--- sql_check
SELECT count(*) FROM zaken.zaakeigenschap
--- sql_check_out eval
[('3') x 4]

=== TEST 8: update and partial update change waarde; notifications update and partial_update
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["PUT /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"eigenschap\": \"" . main::eig('eig1') . "\", \"waarde\": \"oranje\"}",
 "PATCH /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"waarde\": \"wit\"}"]
--- error_code eval
[200, 200]
--- json_subset eval
['{"waarde": "oranje", "naam": "kleur"}', '{"waarde": "wit"}']
--- sql_check
SELECT waarde || ' ' || (SELECT string_agg(bericht->>'actie', ',' ORDER BY id) FROM zgw.notificatie) FROM zaken.zaakeigenschap WHERE uuid = '22222222-0000-4000-8000-000000000001'
--- sql_check_out eval
['oranje update', 'wit update,partial_update']

=== TEST 9: zaak and eigenschap are immutable (Z22)
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["PUT /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z2") . "\", \"eigenschap\": \"" . main::eig('eig2') . "\", \"waarde\": \"zwart\"}",
 "PATCH /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z2") . "\"}"]
--- error_code eval
[400, 400]
--- invalid_params eval
["zaak wijzigen-niet-toegelaten Dit veld mag niet gewijzigd worden.\neigenschap wijzigen-niet-toegelaten Dit veld mag niet gewijzigd worden.",
 "zaak wijzigen-niet-toegelaten Dit veld mag niet gewijzigd worden."]
--- sql_check
SELECT waarde || ' ' || count(*) OVER () FROM zaken.zaakeigenschap WHERE uuid = '22222222-0000-4000-8000-000000000001'
--- sql_check_out eval
['rood 1', 'rood 1']

=== TEST 10: delete: 204, a notification with the nested resourceUrl, then 404
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["DELETE /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1",
 "DELETE /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1",
 "DELETE /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E2"]
--- error_code eval
[204, 404, 404]
--- sql_check
SELECT count(*) || ' ' || coalesce((SELECT bericht->>'actie' || ' ' || (bericht->>'resourceUrl') FROM zgw.notificatie), '') FROM zaken.zaakeigenschap
--- sql_check_out eval
[("2 destroy http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1") x 3]

=== TEST 11: routes: a path below a zaak that is no nested resource, a bad uuid, too deep, methods
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z1/onbekend",
 "GET /zaken/api/v1/zaken/niet-een-uuid/zaakeigenschappen",
 "GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/niet-een-uuid",
 "GET /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1/x",
 "GET /zaken/api/v1/zaakeigenschappen",
 "PUT /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen",
 "POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1"]
--- error_code eval
[404, 404, 404, 404, 404, 405, 405]
--- response_headers eval
['', '', '', '', '', 'Allow: GET, POST, HEAD', 'Allow: GET, PUT, PATCH, DELETE, HEAD']

=== TEST 12: the API root lists no nested resource
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request
GET /zaken/api/v1/
--- response_body_unlike
zaakeigenschappen|audittrail

=== TEST 13: the OpenAPI document: the nested paths with their path parameters, tagged with the parent
--- request
GET /zaken/api/v1/openapi.json
--- error_code: 200
--- json_subset
{"paths": {
  "/zaken/{zaak_uuid}/zaakeigenschappen": {
    "get": {"operationId": "zaakeigenschap_list", "tags": ["zaken"],
            "parameters": [{"in": "path", "name": "zaak_uuid"}]},
    "post": {"operationId": "zaakeigenschap_create"}},
  "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}": {
    "get": {"operationId": "zaakeigenschap_read",
            "parameters": [{"in": "header", "name": "If-None-Match"},
                           {"in": "path", "name": "uuid"},
                           {"in": "path", "name": "zaak_uuid"}]},
    "put": {"operationId": "zaakeigenschap_update"},
    "patch": {"operationId": "zaakeigenschap_partial_update"},
    "delete": {"operationId": "zaakeigenschap_delete"}},
  "/zaken/{zaak_uuid}/audittrail": {
    "get": {"operationId": "audittrail_list",
            "security": [{"JWT-Claims": ["audittrails.lezen"]}]}},
  "/zaken/{zaak_uuid}/audittrail/{uuid}": {
    "get": {"operationId": "audittrail_read"}}}}
