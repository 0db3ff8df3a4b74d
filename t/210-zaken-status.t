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
