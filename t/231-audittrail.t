# Zaken API 1.5.1: the audit trail (ZGW-INVENTORY X3, Z27).  Every
# create, update, partial update and delete of a zaak or a zaakeigenschap
# writes one zgw.audittrail row in its transaction: the applicatie, the
# gebruiker from the JWT claims user_id / user_representation, the actie,
# resultaat, hoofdObject, resource, resourceUrl, resourceWeergave,
# X-Audit-Toelichting and wijzigingen {oud, nieuw}, the bodies exactly as
# the API answered them.  A refused write writes no trail; a trail that
# cannot be written undoes the write.  Deleting a zaak deletes its trail.
# /zaken/{uuid}/audittrail[/{uuid}]: oldest first, for applicaties with
# heeftAlleAutorisaties only, as in Open Zaak.
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
our $E1 = '22222222-0000-4000-8000-000000000001';
our $A = '33333333-0000-4000-8000-000000000002';
our $Z9 = '11111111-0000-4000-8000-000000000009';
our $SUPER = 'eeeeeeee-2000-4000-8000-000000000001';

sub fixture {
    OZ::Zaken::seed();
    OZ::Zaken::zaak($Z1, identificatie => 'Z-1', va => 'openbaar');
    OZ::Zaken::zaak($Z2, identificatie => 'Z-2');
    OZ::Zaken::sql(
        "INSERT INTO zaken.zaakeigenschap (uuid, zaak, eigenschap, waarde)"
        . " VALUES ('$E1', '$Z1', '$OZ::Zaken::U{eig1}', 'rood');"
        . "CREATE TABLE IF NOT EXISTS public.t231_body (n int, body text);"
        . "DELETE FROM public.t231_body;");
    OZ::Test::oz_client(client_id => 'auditlezer', secret => 'auditlezer-secret',
        uuid => 'eeeeeeee-2000-4000-8000-000000000099', label => 'auditlezer',
        heeft_alle => 0,
        autorisaties => [{ component => 'zrc',
                           scopes => ['audittrails.lezen', 'zaken.lezen'],
                           zaaktype => OZ::Zaken::zt_url('zt1'),
                           max_va => 'zeer_geheim' }]);
}

# headers for OZ::Test::oz_http (which sends Host itself)
sub http_hdr {
    my ($who, @extra) = @_;
    return join("\n", OZ::Test::oz_bearer(client_id => $who,
                        secret => "$who-secret",
                        claims => { user_id => 'u-1',
                                    user_representation => 'Gebruiker Een' }),
                'Content-Type: application/json', 'Accept-Crs: EPSG:4326',
                'Content-Crs: EPSG:4326', @extra) . "\n";
}

# a write from the init; its body kept as number n for the SQL checks
sub write {
    my ($n, $method, $path, $body, @extra) = @_;
    my $r = OZ::Test::oz_http($method, "/zaken/api/v1/$path",
                              http_hdr('super', @extra), $body);
    die "$method $path: $r->[0] $r->[1]\n" unless $r->[0] =~ /^20/;
    OZ::Zaken::sql("INSERT INTO public.t231_body VALUES ($n, "
                   . OZ::Test::oz_quote($r->[1]) . ");");
    return $r->[1];
}

sub eig_body {
    my ($waarde) = @_;
    return '{"zaak": "' . OZ::Zaken::url("zaken/$Z1") . '", "eigenschap": "'
        . OZ::Zaken::type_url('eigenschappen', 'eig1')
        . "\", \"waarde\": \"$waarde\"}";
}

run_tests();

__DATA__

=== TEST 1: create and partial update of a zaakeigenschap: two rows, oldest first; oud and nieuw are the answers' bodies
--- init
main::fixture();
my $b = main::write(1, 'POST', "zaken/$main::Z1/zaakeigenschappen",
                    main::eig_body('geel'), 'X-Audit-Toelichting: Omdat het moet');
my ($uuid) = $b =~ /"uuid":"([^"]+)"/;
main::write(2, 'PATCH', "zaken/$main::Z1/zaakeigenschappen/$uuid",
            '{"waarde": "blauw"}');
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
"GET /zaken/api/v1/zaken/$main::Z1/audittrail"
--- json_subset eval
"[{\"uuid\": \"/^[0-9a-f-]{36}\$/\", \"bron\": \"zrc\",
   \"applicatieId\": \"$main::SUPER\", \"applicatieWeergave\": \"super\",
   \"gebruikersId\": \"u-1\", \"gebruikersWeergave\": \"Gebruiker Een\",
   \"actie\": \"create\", \"actieWeergave\": \"Object aangemaakt\",
   \"resultaat\": 201,
   \"hoofdObject\": \"http://localhost/zaken/api/v1/zaken/$main::Z1\",
   \"resource\": \"zaakeigenschap\",
   \"resourceUrl\": \"/^http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/[0-9a-f-]{36}\$/\",
   \"toelichting\": \"Omdat het moet\",
   \"resourceWeergave\": \"(517439943 - Z-1) - kleur\",
   \"aanmaakdatum\": \"/^20\\\\d\\\\d-\\\\d\\\\d-\\\\d\\\\dT/\",
   \"wijzigingen\": {\"oud\": null, \"nieuw\": {\"naam\": \"kleur\", \"waarde\": \"geel\"}}},
  {\"actie\": \"partial_update\", \"actieWeergave\": \"Object deels bijgewerkt\",
   \"resultaat\": 200, \"toelichting\": \"\",
   \"wijzigingen\": {\"oud\": {\"waarde\": \"geel\"}, \"nieuw\": {\"waarde\": \"blauw\"}}}]"
--- sql_check
SELECT (SELECT (wijzigingen->'nieuw')::text FROM zgw.audittrail WHERE actie = 'create') = (SELECT body FROM public.t231_body WHERE n = 1),
       (SELECT (wijzigingen->'oud')::text FROM zgw.audittrail WHERE actie = 'partial_update') = (SELECT body FROM public.t231_body WHERE n = 1),
       (SELECT (wijzigingen->'nieuw')::text FROM zgw.audittrail WHERE actie = 'partial_update') = (SELECT body FROM public.t231_body WHERE n = 2)
--- sql_check_out
t|t|t

=== TEST 2: detail of a row; a row of another zaak, or none, is 404; a zaak that does not exist is 404
--- init
main::fixture();
main::write(1, 'PUT', "zaken/$main::Z1/zaakeigenschappen/$main::E1",
            main::eig_body('zwart'));
OZ::Zaken::sql("UPDATE zgw.audittrail SET uuid = '$main::A';");
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z1/audittrail/$main::A",
 "GET /zaken/api/v1/zaken/$main::Z2/audittrail/$main::A",
 "GET /zaken/api/v1/zaken/$main::Z1/audittrail/33333333-0000-4000-8000-000000000001",
 "GET /zaken/api/v1/zaken/11111111-0000-4000-8000-00000000dead/audittrail"]
--- error_code eval
[200, 404, 404, 404]
--- json_subset eval
["{\"actie\": \"update\", \"actieWeergave\": \"Object bijgewerkt\", \"resultaat\": 200,
   \"resourceUrl\": \"http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1\",
   \"wijzigingen\": {\"oud\": {\"waarde\": \"rood\"}, \"nieuw\": {\"waarde\": \"zwart\"}}}",
 undef, undef, undef]

=== TEST 3: delete of a zaakeigenschap: destroy, 204, oud the last body, nieuw null
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr('super', 'X-Audit-Toelichting: Opgeruimd')
--- request eval
"DELETE /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1"
--- error_code: 204
--- sql_check
SELECT actie, actie_weergave, resultaat, resource_url, toelichting,
       wijzigingen->'oud'->>'waarde', json_typeof(wijzigingen->'nieuw'),
       (SELECT count(*) FROM zaken.zaakeigenschap)
  FROM zgw.audittrail
--- sql_check_out eval
"destroy|Object verwijderd|204|http://localhost/zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1|Opgeruimd|rood|null|0"

=== TEST 4: a zaak: create, partial update; resourceWeergave "bronorganisatie - identificatie"; deleting it deletes its trail (Z27)
--- init
main::fixture();
my $b = main::write(1, 'POST', 'zaken',
    '{"bronorganisatie": "517439943", "verantwoordelijkeOrganisatie": "517439943",'
    . ' "zaaktype": "' . OZ::Zaken::zt_url('zt1') . '", "startdatum": "2026-02-01",'
    . ' "identificatie": "AUDIT-1"}');
my ($uuid) = $b =~ /"uuid":"([^"]+)"/;
# a known uuid for the requests below
OZ::Zaken::sql("UPDATE zaken.zaak SET uuid = '$main::Z9' WHERE uuid = '$uuid';"
    . " UPDATE zgw.audittrail SET hoofd = '$main::Z9',"
    . " hoofd_object = replace(hoofd_object, '$uuid', '$main::Z9'),"
    . " resource_url = replace(resource_url, '$uuid', '$main::Z9');");
main::write(2, 'PATCH', "zaken/$main::Z9", '{"omschrijving": "Anders"}');
main::write(3, 'POST', "zaken/$main::Z9/zaakeigenschappen",
            main::eig_body('geel') =~ s/$main::Z1/$main::Z9/r);
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z9/audittrail",
 "DELETE /zaken/api/v1/zaken/$main::Z9",
 "GET /zaken/api/v1/zaken/$main::Z9/audittrail"]
--- error_code eval
[200, 204, 404]
--- json_subset eval
["[{\"actie\": \"create\", \"resource\": \"zaak\", \"resultaat\": 201,
    \"resourceWeergave\": \"517439943 - AUDIT-1\",
    \"hoofdObject\": \"http://localhost/zaken/api/v1/zaken/$main::Z9\",
    \"resourceUrl\": \"http://localhost/zaken/api/v1/zaken/$main::Z9\",
    \"wijzigingen\": {\"oud\": null, \"nieuw\": {\"identificatie\": \"AUDIT-1\", \"omschrijving\": \"\"}}},
   {\"actie\": \"partial_update\", \"resource\": \"zaak\",
    \"wijzigingen\": {\"oud\": {\"omschrijving\": \"\"}, \"nieuw\": {\"omschrijving\": \"Anders\"}}},
   {\"actie\": \"create\", \"resource\": \"zaakeigenschap\",
    \"resourceWeergave\": \"(517439943 - AUDIT-1) - kleur\",
    \"hoofdObject\": \"http://localhost/zaken/api/v1/zaken/$main::Z9\"}]",
 undef, undef]
--- sql_check
SELECT count(*) FROM zgw.audittrail
--- sql_check_out eval
['3', '0', '0']

=== TEST 5: the nieuw of a partial update of a zaak is the answer's body
--- init
main::fixture();
main::write(1, 'PATCH', "zaken/$main::Z1", '{"toelichting": "Een \"toelichting\" met é"}');
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
"GET /zaken/api/v1/zaken/$main::Z1/audittrail"
--- json_subset
[{"actie": "partial_update", "wijzigingen": {"oud": {"toelichting": ""}, "nieuw": {"toelichting": "Een \"toelichting\" met é"}}}]
--- sql_check
SELECT (wijzigingen->'nieuw')::text = (SELECT body FROM public.t231_body WHERE n = 1) FROM zgw.audittrail
--- sql_check_out
t

=== TEST 6: refused writes write no trail: a body that does not validate, a zaak the client may not see, an object that does not exist
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('beperkt')
--- request eval
["POST /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen
{\"waarde\": \"x\"}",
 "PATCH /zaken/api/v1/zaken/$main::Z2/zaakeigenschappen/$main::E1
{\"waarde\": \"x\"}",
 "DELETE /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/22222222-0000-4000-8000-00000000dead",
 "PATCH /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"waarde\": \"x\"}"]
--- error_code eval
[400, 403, 404, 200]
--- sql_check
SELECT count(*) FROM zgw.audittrail
--- sql_check_out eval
['0', '0', '0', '1']

=== TEST 7: the claims of a token the worker verified before (its cache skips the parse): gebruikersId and gebruikersWeergave all the same
--- init
main::fixture();
--- more_headers eval
main::http_hdr('super') . "Host: localhost\n"
--- request eval
["PATCH /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"waarde\": \"een\"}",
 "PATCH /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"waarde\": \"twee\"}"]
--- error_code eval
[200, 200]
--- sql_check
SELECT string_agg(gebruikers_id || '/' || gebruikers_weergave, ',' ORDER BY id) FROM zgw.audittrail
--- sql_check_out eval
['u-1/Gebruiker Een', 'u-1/Gebruiker Een,u-1/Gebruiker Een']

=== TEST 8: a trail that cannot be written undoes the write: a toelichting that is not UTF-8
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super', "X-Audit-Toelichting: \xff\xfe")
--- request eval
"PATCH /zaken/api/v1/zaken/$main::Z1/zaakeigenschappen/$main::E1
{\"waarde\": \"anders\"}"
--- error_code: 400
--- sql_check
SELECT waarde, (SELECT count(*) FROM zgw.audittrail), (SELECT count(*) FROM zgw.notificatie) FROM zaken.zaakeigenschap
--- sql_check_out
rood|0|0

=== TEST 9: only heeftAlleAutorisaties reads a trail (Open Zaak): not even an autorisatie with audittrails.lezen
--- init
main::fixture();
main::write(1, 'PATCH', "zaken/$main::Z1/zaakeigenschappen/$main::E1", '{"waarde": "x"}');
OZ::Zaken::sql("UPDATE zgw.audittrail SET uuid = '$main::A';");
--- more_headers eval
OZ::Zaken::hdr('auditlezer')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z1/audittrail",
 "GET /zaken/api/v1/zaken/$main::Z1/audittrail/$main::A"]
--- error_code eval
[403, 403]
--- json_subset eval
[('{"status": 403, "code": "permission_denied"}') x 2]

=== TEST 10: nor a client with every zaken scope
--- init
main::fixture();
main::write(1, 'PATCH', "zaken/$main::Z1/zaakeigenschappen/$main::E1", '{"waarde": "x"}');
OZ::Zaken::sql("UPDATE zgw.audittrail SET uuid = '$main::A';");
--- more_headers eval
OZ::Zaken::hdr('forceer')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z1/audittrail",
 "GET /zaken/api/v1/zaken/$main::Z1/audittrail/$main::A"]
--- error_code eval
[403, 403]

=== TEST 11: the trail is read-only
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaken/$main::Z1/audittrail
{}",
 "DELETE /zaken/api/v1/zaken/$main::Z1/audittrail/$main::A"]
--- error_code eval
[405, 405]

=== TEST 12: the parts on main are audited too: a status and a resultaat
--- init
main::fixture();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/statussen
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"statustype\": \"" . OZ::Zaken::type_url('statustypen', 'st1a') . "\", \"datumStatusGezet\": \"2026-01-05T10:00:00Z\"}",
 "POST /zaken/api/v1/resultaten
{\"zaak\": \"" . OZ::Zaken::url("zaken/$main::Z1") . "\", \"resultaattype\": \"" . OZ::Zaken::type_url('resultaattypen', 'res1') . "\"}"]
--- error_code eval
[201, 201]
--- sql_check
SELECT string_agg(resource || ':' || actie || ':' || resource_weergave || ':' || (wijzigingen->'nieuw'->>'zaak'), ',' ORDER BY id) FROM zgw.audittrail
--- sql_check_out eval
["status:create:(517439943 - Z-1) - Ontvangen:http://localhost/zaken/api/v1/zaken/$main::Z1",
 "status:create:(517439943 - Z-1) - Ontvangen:http://localhost/zaken/api/v1/zaken/$main::Z1,resultaat:create:(517439943 - Z-1) - Toegekend:http://localhost/zaken/api/v1/zaken/$main::Z1"]
