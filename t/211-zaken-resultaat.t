# Zaken API 1.5.1: resultaten.  Create, read, list and its filters,
# update, partial update, delete; one per zaak, of the zaak's zaaktype,
# resultaattype immutable (zrc-020, Z21); the closed-zaak rule of the
# engine (zrc-007, Z12) for parts and for the zaak itself; recalculation
# of a closed zaak's archive fields (Z19); per-object authorisation.
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
our $R1 = '22222222-0000-4000-8000-000000000001';

sub body {
    my ($zaak, $rt, $extra) = @_;
    return '{"zaak": "' . OZ::Zaken::url("zaken/$zaak") . '", "resultaattype": "'
        . OZ::Zaken::type_url('resultaattypen', $rt) . '"' . ($extra // '') . '}';
}

run_tests();

__DATA__

=== TEST 1: create, read, the zaak's resultaat, the notification
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('schrijver')
--- request eval
"POST /zaken/api/v1/resultaten\n" . main::body($main::Z1, 'res1', ', "toelichting": "Toegekend"')
--- error_code: 201
--- json_subset eval
'{"zaak": "' . OZ::Zaken::url("zaken/$main::Z1") . '", "resultaattype": "'
. OZ::Zaken::type_url('resultaattypen', 'res1') . '", "toelichting": "Toegekend"}'
--- sql_check
SELECT (SELECT count(*) FROM zaken.zaak z JOIN zaken.resultaat r ON r.uuid = z.resultaat),
       (SELECT string_agg(kanaal || '|' || (bericht->>'actie') || '|' || (bericht->>'resource') || '|' || (bericht->>'hoofdObject'), ',') FROM zgw.notificatie)
--- sql_check_out
1|zaken|create|resultaat|http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001

=== TEST 2: one per zaak; of the zaak's zaaktype; the zaak's archiefstatus
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2);
OZ::Zaken::resultaat($main::R1, $main::Z1);
OZ::Zaken::sql("UPDATE zaken.zaak SET archiefstatus = 'gearchiveerd', archiefnominatie = 'vernietigen', archiefactiedatum = '2030-01-01' WHERE uuid = '$main::Z2';");
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/resultaten\n" . main::body($main::Z1, 'res2'),
 "POST /zaken/api/v1/resultaten\n" . main::body($main::Z2, 'res2')]
--- error_code eval
[400, 400]
--- invalid_params eval
["zaak unique resultaat met deze zaak bestaat al.",
 "nonFieldErrors zaaktype-mismatch De referentie hoort niet bij het zaaktype van de zaak.
nonFieldErrors zaak-archiefstatus-invalid"]

=== TEST 3: update, partial update; resultaattype immutable; delete; filters
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, zaaktype => 'zt2');
OZ::Zaken::resultaat($main::R1, $main::Z1);
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000002', $main::Z2, resultaattype => 'res2');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["PUT /zaken/api/v1/resultaten/$main::R1\n" . main::body($main::Z1, 'res1', ', "toelichting": "nieuw"'),
 "PATCH /zaken/api/v1/resultaten/$main::R1\n{\"toelichting\": \"nog nieuwer\"}",
 "PATCH /zaken/api/v1/resultaten/$main::R1\n{\"resultaattype\": \"" . OZ::Zaken::type_url('resultaattypen', 'res2') . "\"}",
 "GET /zaken/api/v1/resultaten?zaak=" . OZ::Zaken::url("zaken/$main::Z2"),
 "GET /zaken/api/v1/resultaten?resultaattype=" . OZ::Zaken::type_url('resultaattypen', 'res1'),
 "DELETE /zaken/api/v1/resultaten/$main::R1",
 "HEAD /zaken/api/v1/resultaten/$main::R1"]
--- error_code eval
[200, 200, 400, 200, 200, 204, 404]
--- response_body_like eval
['"toelichting":"nieuw"', '"toelichting":"nog nieuwer"', 'wijzigen-niet-toegelaten',
 '"count":1,.*22222222-0000-4000-8000-000000000002', '"count":1,.*22222222-0000-4000-8000-000000000001', '', '']
--- sql_check
SELECT string_agg(bericht->>'actie', ',' ORDER BY id) FROM zgw.notificatie
--- sql_check_out eval
["update", "update,partial_update", "update,partial_update", "update,partial_update",
 "update,partial_update", "update,partial_update,destroy", "update,partial_update,destroy"]

=== TEST 4: a closed zaak: its parts change only with zaken.geforceerd-bijwerken
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, einddatum => '2026-01-05');
OZ::Zaken::zaak($main::Z2, einddatum => '2026-01-05');
OZ::Zaken::resultaat($main::R1, $main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('schrijver')
--- request eval
["PATCH /zaken/api/v1/resultaten/$main::R1\n{\"toelichting\": \"x\"}",
 "DELETE /zaken/api/v1/resultaten/$main::R1",
 "POST /zaken/api/v1/resultaten\n" . main::body($main::Z2, 'res1')]
--- error_code eval
[403, 403, 403]
--- response_body_like eval
['"detail":"Je mag geen gegevens aanpassen van een gesloten zaak."',
 '"detail":"Je mag geen gegevens aanpassen van een gesloten zaak."',
 '"detail":"Je mag geen gegevens aanpassen van een gesloten zaak."']
--- sql_check
SELECT count(*), min(toelichting) FROM zaken.resultaat
--- sql_check_out
1|

=== TEST 5: a closed zaak itself changes only with zaken.geforceerd-bijwerken
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, einddatum => '2026-01-05');
--- more_headers eval
OZ::Zaken::hdr_json('schrijver')
--- request eval
["PATCH /zaken/api/v1/zaken/$main::Z1\n{\"omschrijving\": \"x\"}",
 "DELETE /zaken/api/v1/zaken/$main::Z1"]
--- error_code eval
[403, 403]
--- response_body_like eval
['"detail":"Modifying a closed case with current scope is forbidden"',
 '"detail":"Modifying a closed case with current scope is forbidden"']
--- sql_check
SELECT count(*), min(omschrijving) FROM zaken.zaak
--- sql_check_out
1|

=== TEST 6: with zaken.geforceerd-bijwerken: the resultaat of a closed zaak changes and its archive fields follow (Z19)
--- init
OZ::Zaken::seed();
OZ::Zaken::sql("INSERT INTO catalogi.resultaattype (uuid, zaaktype, omschrijving, resultaattypeomschrijving, selectielijstklasse, archiefnominatie, archiefactietermijn, brondatum_archiefprocedure) VALUES ('ffffffff-2001-4000-8000-000000000002', '$OZ::Zaken::U{zt1}', 'Anders', 'x', 'x', 'blijvend_bewaren', 'P5Y', '{\"afleidingswijze\": \"termijn\", \"procestermijn\": \"P1Y\"}');");
OZ::Zaken::zaak($main::Z1, einddatum => '2026-01-05');
OZ::Zaken::resultaat($main::R1, $main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('forceer')
--- request eval
["DELETE /zaken/api/v1/resultaten/$main::R1",
 "POST /zaken/api/v1/resultaten\n{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1")
 . "\", \"resultaattype\": \"http://localhost/catalogi/api/v1/resultaattypen/ffffffff-2001-4000-8000-000000000002\"}"]
--- error_code eval
[204, 201]
--- sql_check
SELECT archiefnominatie, archiefactiedatum, startdatum_bewaartermijn FROM zaken.zaak
--- sql_check_out eval
["vernietigen||", "vernietigen|2032-01-05|2027-01-05"]

=== TEST 7: per-object authorisation: a client that may not see the zaak
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2');
OZ::Zaken::zaak($main::Z2);
OZ::Zaken::resultaat($main::R1, $main::Z1, resultaattype => 'res2');
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000002', $main::Z2);
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- request eval
["GET /zaken/api/v1/resultaten",
 "GET /zaken/api/v1/resultaten/$main::R1",
 "GET /zaken/api/v1/resultaten/22222222-0000-4000-8000-000000000002"]
--- error_code eval
[200, 403, 200]
--- response_body_like eval
['"count":1,.*22222222-0000-4000-8000-000000000002', 'permission_denied', '"toelichting"']

=== TEST 8: creating a resultaat on a zaak the client's autorisaties do not cover
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2');
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
"POST /zaken/api/v1/resultaten\n" . main::body($main::Z1, 'res2')
--- error_code: 403
--- sql_check
SELECT count(*) FROM zaken.resultaat
--- sql_check_out
0
