# Zaken API 1.5.1: klantcontacten (deprecated: list, create, read; a
# generated identificatie of 12 characters; datumtijd not in the future),
# zaakcontactmomenten and zaakverzoeken (list as a plain array with the
# filters contactmoment / verzoek and zaak, create, read, delete; unique
# (zaak, url); notifications on create only; the URL's shape only).  The
# authorisation through the zaak (lists hide, details and writes 403) and
# their audit trail.
#
# Fixtures and clients: t/lib/OZ/Zaken.pm.
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
our $K1 = '44444444-0000-4000-8000-000000000001';
our $K2 = '44444444-0000-4000-8000-000000000002';
our $C1 = '55555555-0000-4000-8000-000000000001';
our $C2 = '55555555-0000-4000-8000-000000000002';
our $V1 = '66666666-0000-4000-8000-000000000001';
our $V2 = '66666666-0000-4000-8000-000000000002';
our $CM = 'https://contactmomenten.example/api/v1/contactmomenten';
our $VZ = 'https://verzoeken.example/api/v1/verzoeken';

# Z1 (ZT1, openbaar) and Z2 (ZT1, geheim), each with a klantcontact, a
# zaakcontactmoment and a zaakverzoek
sub fixture {
    OZ::Zaken::seed();
    OZ::Zaken::zaak($Z1, identificatie => 'Z-1', va => 'openbaar');
    OZ::Zaken::zaak($Z2, identificatie => 'Z-2', va => 'geheim');
    OZ::Zaken::sql(
        "INSERT INTO zaken.klantcontact (uuid, zaak, identificatie, datumtijd)"
        . " VALUES ('$K1', '$Z1', 'KC-1', '2026-01-02T10:00:00Z'),"
        . " ('$K2', '$Z2', 'KC-2', '2026-01-03T10:00:00Z');"
        . "INSERT INTO zaken.zaakcontactmoment (uuid, zaak, contactmoment)"
        . " VALUES ('$C1', '$Z1', '$CM/1'), ('$C2', '$Z2', '$CM/2');"
        . "INSERT INTO zaken.zaakverzoek (uuid, zaak, verzoek)"
        . " VALUES ('$V1', '$Z1', '$VZ/1'), ('$V2', '$Z2', '$VZ/2');");
}

sub zaak { OZ::Zaken::url("zaken/$_[0]") }

run_tests();

__DATA__

=== TEST 1: klantcontact create: a generated identificatie of 12 characters, a given one kept; notification and audit trail
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/klantcontacten
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"datumtijd\": \"2026-01-05T12:00:00Z\", \"kanaal\": \"telefoon\", \"onderwerp\": \"Vraag\", \"toelichting\": \"Over de zaak\"}",
 "POST /zaken/api/v1/klantcontacten
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"datumtijd\": \"2026-01-05T12:00:00+01:00\", \"identificatie\": \"EIGEN-14-TEKEN\"}"]
--- error_code eval
[201, 201]
--- response_headers_like eval
['Location: http://localhost/zaken/api/v1/klantcontacten/[0-9a-f-]{36}', 'Location: http://localhost/zaken/api/v1/klantcontacten/[0-9a-f-]{36}']
--- json_subset eval
["{\"url\": \"/^http://localhost/zaken/api/v1/klantcontacten/[0-9a-f-]{36}\$/\", \"zaak\": \"" . main::zaak($main::Z1) . "\", \"identificatie\": \"/^[0-9a-f]{12}\$/\", \"datumtijd\": \"2026-01-05T12:00:00Z\", \"kanaal\": \"telefoon\", \"onderwerp\": \"Vraag\", \"toelichting\": \"Over de zaak\"}",
 '{"identificatie": "EIGEN-14-TEKEN", "datumtijd": "2026-01-05T11:00:00Z", "kanaal": "", "onderwerp": "", "toelichting": ""}']
--- sql_check
SELECT string_agg(bericht->>'resource' || ' ' || (bericht->>'actie'), ',' ORDER BY id),
       (SELECT string_agg(resource || ' ' || actie || ' ' || (resource_weergave LIKE '(517439943 - Z-1) - %'), ',' ORDER BY id) FROM zgw.audittrail)
  FROM zgw.notificatie
--- sql_check_out eval
['klantcontact create|klantcontact create true', 'klantcontact create,klantcontact create|klantcontact create true,klantcontact create true']

=== TEST 2: klantcontact: datumtijd in the future, required fields, lengths
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/klantcontacten
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"datumtijd\": \"2999-01-01T00:00:00Z\"}",
 "POST /zaken/api/v1/klantcontacten
{\"identificatie\": \"123456789012345\", \"kanaal\": \"123456789012345678901\"}"]
--- error_code eval
[400, 400]
--- invalid_params eval
["datumtijd date-in-future Deze datum mag niet in de toekomst zijn",
 "zaak required\ndatumtijd required\nidentificatie max_length\nkanaal max_length"]
--- sql_check
SELECT count(*) FROM zaken.klantcontact
--- sql_check_out eval
['2', '2']

=== TEST 3: klantcontacten: paginated list with the zaak filter, hiding what the client may not see; detail 403 / 404; no update or delete
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('beperkt')
--- request eval
["GET /zaken/api/v1/klantcontacten",
 "GET /zaken/api/v1/klantcontacten?zaak=" . main::zaak($main::Z1),
 "GET /zaken/api/v1/klantcontacten?zaak=" . main::zaak($main::Z2),
 "GET /zaken/api/v1/klantcontacten/$main::K1",
 "GET /zaken/api/v1/klantcontacten/$main::K2",
 "GET /zaken/api/v1/klantcontacten/44444444-0000-4000-8000-00000000dead",
 "DELETE /zaken/api/v1/klantcontacten/$main::K1",
 "PATCH /zaken/api/v1/klantcontacten/$main::K1"]
--- error_code eval
[200, 200, 200, 200, 403, 404, 405, 405]
--- json_subset eval
["{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [{\"uuid\": \"$main::K1\", \"identificatie\": \"KC-1\", \"datumtijd\": \"2026-01-02T10:00:00Z\"}]}",
 "{\"count\": 1, \"results\": [{\"uuid\": \"$main::K1\"}]}",
 '{"count": 0, "results": []}',
 "{\"uuid\": \"$main::K1\", \"url\": \"http://localhost/zaken/api/v1/klantcontacten/$main::K1\"}",
 '{"code": "permission_denied"}', '{"code": "not_found"}', undef, undef]

=== TEST 4: klantcontact create for a zaak the client may not see: 403; without zaken.bijwerken: 403
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
["POST /zaken/api/v1/klantcontacten
{\"zaak\": \"" . main::zaak($main::Z2) . "\", \"datumtijd\": \"2026-01-05T12:00:00Z\"}"]
--- error_code eval
[403]
--- sql_check
SELECT count(*) FROM zaken.klantcontact
--- sql_check_out eval
['2']

=== TEST 5: zaakcontactmoment and zaakverzoek create: notifications and audit trail
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaakcontactmomenten
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"contactmoment\": \"$main::CM/9\"}",
 "POST /zaken/api/v1/zaakverzoeken
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"verzoek\": \"$main::VZ/9\"}"]
--- error_code eval
[201, 201]
--- json_subset eval
["{\"url\": \"/^http://localhost/zaken/api/v1/zaakcontactmomenten/[0-9a-f-]{36}\$/\", \"zaak\": \"" . main::zaak($main::Z1) . "\", \"contactmoment\": \"$main::CM/9\"}",
 "{\"url\": \"/^http://localhost/zaken/api/v1/zaakverzoeken/[0-9a-f-]{36}\$/\", \"zaak\": \"" . main::zaak($main::Z1) . "\", \"verzoek\": \"$main::VZ/9\"}"]
--- sql_check
SELECT (SELECT count(*) FROM zaken.zaakcontactmoment) || ' ' || (SELECT count(*) FROM zaken.zaakverzoek)
       || ' ' || coalesce((SELECT string_agg(bericht->>'resource' || ':' || (bericht->>'actie'), ',' ORDER BY id) FROM zgw.notificatie), '')
       || ' ' || coalesce((SELECT string_agg(resource || ':' || actie || ':' || resultaat, ',' ORDER BY id) FROM zgw.audittrail), '')
--- sql_check_out eval
['3 2 zaakcontactmoment:create zaakcontactmoment:create:201',
 '3 3 zaakcontactmoment:create,zaakverzoek:create zaakcontactmoment:create:201,zaakverzoek:create:201']

=== TEST 6: zaakcontactmoment and zaakverzoek create: unique per zaak, the URL's shape, required
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaakcontactmomenten
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"contactmoment\": \"$main::CM/1\"}",
 "POST /zaken/api/v1/zaakverzoeken
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"verzoek\": \"$main::VZ/1\"}",
 "POST /zaken/api/v1/zaakcontactmomenten
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"contactmoment\": \"geen url\"}",
 "POST /zaken/api/v1/zaakverzoeken
{\"zaak\": \"" . main::zaak($main::Z1) . "\"}"]
--- error_code eval
[400, 400, 400, 400]
--- invalid_params eval
["nonFieldErrors unique De velden zaak, contactmoment moeten een unieke set zijn.",
 "nonFieldErrors unique De velden zaak, verzoek moeten een unieke set zijn.",
 "contactmoment invalid",
 "verzoek required"]
--- sql_check
SELECT (SELECT count(*) FROM zaken.zaakcontactmoment) || ' ' || (SELECT count(*) FROM zaken.zaakverzoek)
       || ' ' || (SELECT count(*) FROM zgw.notificatie) || ' ' || (SELECT count(*) FROM zgw.audittrail)
--- sql_check_out eval
[('2 2 0 0') x 4]

=== TEST 7: lists: plain arrays, the filters, what the client may not see hidden
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('beperkt')
--- request eval
["GET /zaken/api/v1/zaakcontactmomenten",
 "GET /zaken/api/v1/zaakcontactmomenten?contactmoment=$main::CM/1",
 "GET /zaken/api/v1/zaakcontactmomenten?contactmoment=$main::CM/2",
 "GET /zaken/api/v1/zaakverzoeken?zaak=" . main::zaak($main::Z1),
 "GET /zaken/api/v1/zaakverzoeken?verzoek=$main::VZ/9",
 "GET /zaken/api/v1/zaakverzoeken"]
--- json_subset eval
["[{\"uuid\": \"$main::C1\", \"url\": \"http://localhost/zaken/api/v1/zaakcontactmomenten/$main::C1\", \"contactmoment\": \"$main::CM/1\"}]",
 "[{\"uuid\": \"$main::C1\"}]", '[]',
 "[{\"uuid\": \"$main::V1\", \"url\": \"http://localhost/zaken/api/v1/zaakverzoeken/$main::V1\", \"verzoek\": \"$main::VZ/1\"}]",
 '[]', "[{\"uuid\": \"$main::V1\"}]"]

=== TEST 8: the same lists for a client that sees every zaak
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaakcontactmomenten?zaak=" . main::zaak($main::Z2),
 "GET /zaken/api/v1/zaakverzoeken"]
--- json_subset eval
["[{\"uuid\": \"$main::C2\"}]", "[{\"uuid\": \"$main::V1\"}, {\"uuid\": \"$main::V2\"}]"]

=== TEST 9: details and deletes: 403 for a zaak the client may not see, 404 for none; a delete sends no notification but is in the audit trail
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('beperkt')
--- request eval
["GET /zaken/api/v1/zaakcontactmomenten/$main::C1",
 "GET /zaken/api/v1/zaakcontactmomenten/$main::C2",
 "GET /zaken/api/v1/zaakverzoeken/$main::V2",
 "GET /zaken/api/v1/zaakverzoeken/66666666-0000-4000-8000-00000000dead",
 "DELETE /zaken/api/v1/zaakcontactmomenten/$main::C2",
 "DELETE /zaken/api/v1/zaakverzoeken/$main::V2",
 "DELETE /zaken/api/v1/zaakcontactmomenten/$main::C1",
 "DELETE /zaken/api/v1/zaakverzoeken/$main::V1",
 "PATCH /zaken/api/v1/zaakverzoeken/$main::V1"]
--- error_code eval
[200, 403, 403, 404, 403, 403, 204, 204, 405]
--- sql_check
SELECT (SELECT count(*) FROM zaken.zaakcontactmoment) || ' ' || (SELECT count(*) FROM zaken.zaakverzoek)
       || ' ' || (SELECT count(*) FROM zgw.notificatie)
       || ' ' || coalesce((SELECT string_agg(resource || ':' || actie || ':' || resultaat || ':' || json_typeof(wijzigingen->'oud') || ':' || json_typeof(wijzigingen->'nieuw'), ',' ORDER BY id) FROM zgw.audittrail), '')
--- sql_check_out eval
[('2 2 0 ') x 6, '1 2 0 zaakcontactmoment:destroy:204:object:null',
 ('1 1 0 zaakcontactmoment:destroy:204:object:null,zaakverzoek:destroy:204:object:null') x 2]

=== TEST 10: create for a zaak the client may not see, or without zaken.bijwerken: 403
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
["POST /zaken/api/v1/zaakcontactmomenten
{\"zaak\": \"" . main::zaak($main::Z2) . "\", \"contactmoment\": \"$main::CM/9\"}",
 "POST /zaken/api/v1/zaakverzoeken
{\"zaak\": \"" . main::zaak($main::Z2) . "\", \"verzoek\": \"$main::VZ/9\"}"]
--- error_code eval
[403, 403]

=== TEST 11: without zaken.bijwerken (zaken.aanmaken is not enough): 403
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('aanmaker')
--- request eval
["POST /zaken/api/v1/zaakverzoeken
{\"zaak\": \"" . main::zaak($main::Z1) . "\", \"verzoek\": \"$main::VZ/9\"}",
 "DELETE /zaken/api/v1/zaakcontactmomenten/$main::C1"]
--- error_code eval
[403, 403]
--- sql_check
SELECT (SELECT count(*) FROM zaken.zaakcontactmoment) || ' ' || (SELECT count(*) FROM zaken.zaakverzoek)
--- sql_check_out eval
[('2 2') x 2]
