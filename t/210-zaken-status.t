# Zaken API 1.5.1: statussen.  Create, read, list and its filters; the
# rules of a status (zrc-016, Z13) answered together; closing a zaak with
# its eindstatus (zrc-007, zrc-021, Z14, Z15, Z17, Z18) and reopening it
# (zrc-008, Z16); the scope rules of a status (ZGW-INVENTORY 3.3) and
# per-object authorisation (zrc-006).
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

sub body {
    my ($zaak, $st, $datum, %o) = @_;
    return '{"zaak": "' . OZ::Zaken::url("zaken/$zaak") . '", "statustype": "'
        . OZ::Zaken::type_url('statustypen', $st) . '", "datumStatusGezet": "'
        . $datum . '"' . join('', map { ", \"$_\": $o{$_}" } sort keys %o)
        . '}';
}

run_tests();

__DATA__

=== TEST 1: create: every field, the zaak's current status, the notification
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n"
. main::body($main::Z1, 'st1a', '2026-01-02T10:00:00+01:00',
             statustoelichting => '"Ontvangen"')
--- error_code: 201
--- response_headers_like
Location: http://localhost/zaken/api/v1/statussen/[0-9a-f-]{36}
--- json_subset eval
'{"zaak": "' . OZ::Zaken::url("zaken/$main::Z1") . '",
  "statustype": "' . OZ::Zaken::type_url('statustypen', 'st1a') . '",
  "datumStatusGezet": "2026-01-02T09:00:00Z", "statustoelichting": "Ontvangen",
  "indicatieLaatstGezetteStatus": true, "gezetdoor": null,
  "zaakinformatieobjecten": []}'
--- sql_check
SELECT (SELECT count(*) FROM zaken.zaak z JOIN zaken.status s ON s.uuid = z.status),
       (SELECT einddatum IS NULL FROM zaken.zaak),
       (SELECT kanaal || '|' || (bericht->>'actie') || '|' || (bericht->>'resource')
               || '|' || (bericht->>'hoofdObject') || '|'
               || (bericht->'kenmerken'->>'bronorganisatie')
          FROM zgw.notificatie)
--- sql_check_out
1|t|zaken|create|status|http://localhost/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000001|517439943

=== TEST 2: the eindstatus needs a resultaat
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1b', '2026-01-02T10:00:00Z')
--- error_code: 400
--- invalid_params
nonFieldErrors resultaat-does-not-exist Zaak has no resultaat.
--- sql_check
SELECT count(*) FROM zaken.status
--- sql_check_out
0

=== TEST 3: the eindstatus closes: einddatum in the offset as sent, the archive fields
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000001', $main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1b', '2026-03-01T23:30:00-05:00')
--- error_code: 201
--- json_subset
{"indicatieLaatstGezetteStatus": true, "datumStatusGezet": "2026-03-02T04:30:00Z"}
--- sql_check
SELECT einddatum, archiefnominatie, archiefactiedatum, startdatum_bewaartermijn FROM zaken.zaak
--- sql_check_out
2026-03-01|vernietigen|2036-03-01|2026-03-01

=== TEST 4: the rules of a status, answered together
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2);
OZ::Zaken::status('33333333-0000-4000-8000-000000000001', $main::Z1, datum => '2026-01-02T10:00:00Z');
OZ::Zaken::sql("INSERT INTO zaken.rol (uuid, zaak, betrokkene_type, roltype) VALUES ('44444444-0000-4000-8000-000000000001', '$main::Z2', 'medewerker', '$OZ::Zaken::U{rt1b}');"
  . " UPDATE zaken.zaak SET archiefstatus = 'gearchiveerd', archiefnominatie = 'vernietigen', archiefactiedatum = '2030-01-01' WHERE uuid = '$main::Z1';");
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st2a', '2026-01-02T10:00:00Z',
    gezetdoor => '"' . OZ::Zaken::url('rollen/44444444-0000-4000-8000-000000000001') . '"')
--- error_code: 400
--- invalid_params
nonFieldErrors unique De velden zaak, datum_status_gezet moeten een unieke set zijn.
nonFieldErrors zaaktype-mismatch De referentie hoort niet bij het zaaktype van de zaak.
nonFieldErrors zaak-archiefstatus-invalid
nonFieldErrors zaak-mismatch

=== TEST 5: datumStatusGezet in the future; references that do not exist
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st2a', '2999-01-02T10:00:00Z'),
 "POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1a', '2026-01-02T10:00:00Z',
    gezetdoor => '"' . OZ::Zaken::url('rollen/44444444-0000-4000-8000-000000000009') . '"'),
 "POST /zaken/api/v1/statussen\n" . main::body($main::Z3, 'st1a', '2026-01-02T10:00:00Z'),
 "POST /zaken/api/v1/statussen\n{}"]
--- error_code eval
[400, 400, 400, 400]
--- invalid_params eval
["datumStatusGezet date-in-future Deze datum mag niet in de toekomst zijn",
 "gezetdoor does_not_exist",
 "zaak does_not_exist",
 "zaak required\nstatustype required\ndatumStatusGezet required"]

=== TEST 6: a status on a closed zaak needs zaken.heropenen
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, einddatum => '2026-01-03');
OZ::Zaken::status('33333333-0000-4000-8000-000000000001', $main::Z1, datum => '2026-01-02T10:00:00Z');
--- more_headers eval
OZ::Zaken::hdr_json('schrijver')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1a', '2026-01-04T10:00:00Z')
--- error_code: 403
--- response_body_like chomp
"detail": ?"Het heropenen van een gesloten zaak is niet toegestaan zonder de scope zaken.heropenen"
--- sql_check
SELECT count(*) FROM zaken.status
--- sql_check_out
1

=== TEST 6b: reopening clears einddatum and the archive fields (zaken.heropenen)
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000001', $main::Z1);
OZ::Zaken::status('33333333-0000-4000-8000-000000000001', $main::Z1, datum => '2026-01-02T10:00:00Z');
--- more_headers eval
OZ::Zaken::hdr_json('forceer')
--- request eval
["POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1b', '2026-01-03T10:00:00Z'),
 "POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1a', '2026-01-05T10:00:00Z')]
--- error_code eval
[201, 201]
--- sql_check
SELECT einddatum, archiefnominatie, archiefactiedatum, startdatum_bewaartermijn FROM zaken.zaak
--- sql_check_out eval
["2026-01-03|vernietigen|2036-01-03|2026-01-03", "|||"]

=== TEST 7: zaken.aanmaken alone sets only the first status
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('aanmaker')
--- request eval
["POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1a', '2026-01-02T10:00:00Z'),
 "POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1a', '2026-01-03T10:00:00Z')]
--- error_code eval
[201, 403]
--- response_body_like eval
['', q{"detail": ?"Met de 'zaken.aanmaken' scope mag je slechts 1 status zetten"}]

=== TEST 8: a hoofdzaak closes after its deelzaken
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2');
OZ::Zaken::zaak($main::Z2, hoofdzaak => $main::Z1);
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000001', $main::Z1, resultaattype => 'res2');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st2b', '2026-01-03T10:00:00Z')
--- error_code: 400
--- invalid_params
nonFieldErrors deelzaken-not-closed

=== TEST 9: a hoofdzaak closes when its deelzaken have a resultaat
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2');
OZ::Zaken::zaak($main::Z2, hoofdzaak => $main::Z1, einddatum => '2026-01-01');
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000001', $main::Z1, resultaattype => 'res2');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st2b', '2026-01-03T10:00:00Z')
--- error_code: 400
--- invalid_params
nonFieldErrors deelzaak-resultaat-does-not-exist Ongeldige invoer.

=== TEST 10: a deelzaak reopens only while its hoofdzaak is open
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2', einddatum => '2026-01-05');
OZ::Zaken::zaak($main::Z2, hoofdzaak => $main::Z1, einddatum => '2026-01-01');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z2, 'st1a', '2026-01-04T10:00:00Z')
--- error_code: 400
--- invalid_params
nonFieldErrors hoofdzaak-closed

=== TEST 11: closing and reopening a hoofdzaak recalculates its deelzaken of afleidingswijze hoofdzaak (Z16)
--- init
OZ::Zaken::seed();
OZ::Zaken::archiefprocedure('res1', '{"afleidingswijze": "hoofdzaak"}');
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2');
OZ::Zaken::zaak($main::Z2, hoofdzaak => $main::Z1);
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000001', $main::Z1, resultaattype => 'res2');
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000002', $main::Z2, resultaattype => 'res1');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/statussen\n" . main::body($main::Z2, 'st1b', '2026-01-02T10:00:00Z'),
 "POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st2b', '2026-01-03T10:00:00Z'),
 "POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st2a', '2026-01-04T10:00:00Z')]
--- error_code eval
[201, 201, 201]
--- sql_check
SELECT einddatum, archiefnominatie, archiefactiedatum, startdatum_bewaartermijn FROM zaken.zaak WHERE uuid = '11111111-0000-4000-8000-000000000002'
--- sql_check_out eval
["2026-01-02|vernietigen||", "2026-01-02|vernietigen|2036-01-03|2026-01-03", "2026-01-02|vernietigen||"]

=== TEST 12: closing fails when the archiefactiedatum cannot be determined (termijn without procestermijn)
--- init
OZ::Zaken::seed();
OZ::Zaken::archiefprocedure('res1', '{"afleidingswijze": "termijn", "procestermijn": null}');
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000001', $main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1b', '2026-01-03T10:00:00Z')
--- error_code: 400
--- invalid_params
nonFieldErrors archiefactiedatum-error Geen procestermijn aanwezig om de brondatum te bepalen.
--- sql_check
SELECT count(*), (SELECT einddatum IS NULL FROM zaken.zaak) FROM zaken.status
--- sql_check_out
0|t

=== TEST 13: a postponed brondatum still closes (Z18); blijvend_bewaren keeps only the archiefnominatie
--- init
OZ::Zaken::seed();
OZ::Zaken::archiefprocedure('res1', '{"afleidingswijze": "eigenschap", "datumkenmerk": "vervaldatum"}');
OZ::Zaken::archiefprocedure('res2', '{"afleidingswijze": "gerelateerde_zaak"}', 'blijvend_bewaren');
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2, zaaktype => 'zt2');
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000001', $main::Z1);
OZ::Zaken::resultaat('22222222-0000-4000-8000-000000000002', $main::Z2, resultaattype => 'res2');
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st1b', '2026-01-03T10:00:00Z'),
 "POST /zaken/api/v1/statussen\n" . main::body($main::Z2, 'st2b', '2026-01-03T10:00:00Z')]
--- error_code eval
[201, 201]
--- sql_check
SELECT uuid, einddatum, archiefnominatie, archiefactiedatum IS NULL, startdatum_bewaartermijn IS NULL FROM zaken.zaak ORDER BY uuid
--- sql_check_out eval
["11111111-0000-4000-8000-000000000001|2026-01-03|vernietigen|t|t
11111111-0000-4000-8000-000000000002|||t|t",
 "11111111-0000-4000-8000-000000000001|2026-01-03|vernietigen|t|t
11111111-0000-4000-8000-000000000002|2026-01-03|blijvend_bewaren|t|t"]

=== TEST 14: the brondatum of every afleidingswijze without besluiten or documents (Z17)
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, einddatum => '2026-01-10');
OZ::Zaken::zaak($main::Z2, einddatum => '2026-02-20', hoofdzaak => $main::Z1);
OZ::Zaken::zaak($main::Z3, einddatum => '2026-03-30');
OZ::Zaken::sql("UPDATE zaken.zaak SET relevante_andere_zaken = '[{\"url\": \"http://localhost/zaken/api/v1/zaken/$main::Z2\"}, {\"url\": \"http://localhost/zaken/api/v1/zaken/$main::Z3/\"}, {\"url\": \"https://elders.example/zaken/api/v1/zaken/11111111-0000-4000-8000-000000000009\"}]' WHERE uuid = '$main::Z1';"
  . " INSERT INTO zaken.zaakeigenschap (uuid, zaak, eigenschap, naam, waarde) VALUES ('55555555-0000-4000-8000-000000000001', '$main::Z1', '$OZ::Zaken::U{eig1}', 'vervaldatum', '2026-05-06T10:00:00'), ('55555555-0000-4000-8000-000000000002', '$main::Z1', '$OZ::Zaken::U{eig1}', 'kort', '20260607'), ('55555555-0000-4000-8000-000000000003', '$main::Z1', '$OZ::Zaken::U{eig1}', 'fout', 'morgen');"
  . " INSERT INTO zaken.zaakobject (uuid, zaak, object_type, object_identificatie) VALUES ('66666666-0000-4000-8000-000000000001', '$main::Z1', 'overige', '{\"overigeData\": {\"datum\": {\"eind\": \"2026-07-01\"}}}'), ('66666666-0000-4000-8000-000000000002', '$main::Z1', 'overige', '{\"overigeData\": {\"datum\": {\"eind\": \"2026-07-08\"}}}');");
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
"GET /zaken/api/v1/statussen"
--- sql_check
SELECT w, b.brondatum, b.fout
  FROM (VALUES (1, '{"afleidingswijze": "afgehandeld"}'),
               (2, '{"afleidingswijze": "termijn", "procestermijn": "P1M"}'),
               (3, '{"afleidingswijze": "eigenschap", "datumkenmerk": "vervaldatum"}'),
               (4, '{"afleidingswijze": "eigenschap", "datumkenmerk": "kort"}'),
               (5, '{"afleidingswijze": "eigenschap", "datumkenmerk": "fout"}'),
               (6, '{"afleidingswijze": "eigenschap", "datumkenmerk": "geen"}'),
               (7, '{"afleidingswijze": "gerelateerde_zaak"}'),
               (8, '{"afleidingswijze": "zaakobject", "objecttype": "overige", "datumkenmerk": "overigeData/datum/eind"}'),
               (9, '{"afleidingswijze": "zaakobject", "objecttype": "adres", "datumkenmerk": "datum"}'),
               (10, '{"afleidingswijze": "ander_datumkenmerk"}'),
               (11, '{"afleidingswijze": "vervaldatum_besluit"}')) v(w, bap),
       zaken.zaak z, catalogi.resultaattype rt,
       LATERAL zaken.brondatum(z, jsonb_populate_record(rt, jsonb_build_object('brondatum_archiefprocedure', v.bap::jsonb))) b
 WHERE z.uuid = '11111111-0000-4000-8000-000000000001' AND rt.uuid = 'ffffffff-2001-4000-8000-000000000001'
 ORDER BY w
--- sql_check_out
1|2026-01-10|
2|2026-02-10|
3|2026-05-06|
4|2026-06-07|
5||Geen geldige datumwaarde in eigenschap "fout"
6||
7|2026-03-30|
8|2026-07-08|
9||Geen zaakobject van type "adres" met een datum in "datum" gevonden.
10||
11||

=== TEST 15: list: newest datumStatusGezet first; filters zaak, statustype, indicatieLaatstGezetteStatus
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::zaak($main::Z2);
OZ::Zaken::status('33333333-0000-4000-8000-000000000001', $main::Z1, datum => '2026-01-02T10:00:00Z');
OZ::Zaken::status('33333333-0000-4000-8000-000000000002', $main::Z1, statustype => 'st1b', datum => '2026-01-03T10:00:00Z');
OZ::Zaken::status('33333333-0000-4000-8000-000000000003', $main::Z2, datum => '2026-01-01T10:00:00Z');
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/statussen",
 "GET /zaken/api/v1/statussen?zaak=" . OZ::Zaken::url("zaken/$main::Z1"),
 "GET /zaken/api/v1/statussen?statustype=" . OZ::Zaken::type_url('statustypen', 'st1a'),
 "GET /zaken/api/v1/statussen?indicatieLaatstGezetteStatus=true",
 "GET /zaken/api/v1/statussen?indicatieLaatstGezetteStatus=false"]
--- error_code eval
[200, 200, 200, 200, 200]
--- response_body_like eval
['"count": ?3.*000000000002.*000000000001.*000000000003', '', '', '', '']
--- results_by_uuid
[{"33333333-0000-4000-8000-000000000001": {}, "33333333-0000-4000-8000-000000000002": {}, "33333333-0000-4000-8000-000000000003": {}},
 {"33333333-0000-4000-8000-000000000001": {"indicatieLaatstGezetteStatus": false}, "33333333-0000-4000-8000-000000000002": {"indicatieLaatstGezetteStatus": true}},
 {"33333333-0000-4000-8000-000000000001": {}, "33333333-0000-4000-8000-000000000003": {}},
 {"33333333-0000-4000-8000-000000000002": {}, "33333333-0000-4000-8000-000000000003": {}},
 {"33333333-0000-4000-8000-000000000001": {}}]

=== TEST 16: per-object authorisation: a client that may not see the zaak (lezer on a ZT2 zaak)
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2');
OZ::Zaken::zaak($main::Z2);
OZ::Zaken::status('33333333-0000-4000-8000-000000000001', $main::Z1);
OZ::Zaken::status('33333333-0000-4000-8000-000000000002', $main::Z2);
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- request eval
["GET /zaken/api/v1/statussen",
 "GET /zaken/api/v1/statussen/33333333-0000-4000-8000-000000000001",
 "GET /zaken/api/v1/statussen/33333333-0000-4000-8000-000000000002"]
--- error_code eval
[200, 403, 200]
--- response_body_like eval
['"count": ?1,', 'permission_denied', '"indicatieLaatstGezetteStatus"']

=== TEST 16b: creating a status on a zaak the client's autorisaties do not cover
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1, zaaktype => 'zt2');
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
"POST /zaken/api/v1/statussen\n" . main::body($main::Z1, 'st2a', '2026-01-05T10:00:00Z')
--- error_code: 403
--- sql_check
SELECT count(*) FROM zaken.status
--- sql_check_out
0

=== TEST 17: HEAD; no update or delete
--- init
OZ::Zaken::seed();
OZ::Zaken::zaak($main::Z1);
OZ::Zaken::status('33333333-0000-4000-8000-000000000001', $main::Z1);
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["HEAD /zaken/api/v1/statussen/33333333-0000-4000-8000-000000000001",
 "PATCH /zaken/api/v1/statussen/33333333-0000-4000-8000-000000000001\n{}",
 "DELETE /zaken/api/v1/statussen/33333333-0000-4000-8000-000000000001"]
--- error_code eval
[200, 405, 405]
