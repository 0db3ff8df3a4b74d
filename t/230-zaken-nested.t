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
