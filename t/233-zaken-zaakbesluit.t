# Zaken API 1.5.1: /zaken/{zaak_uuid}/besluiten, the besluiten of a zaak.
# The Besluiten API keeps this relation (brc-006) and brings its create and
# delete; until then it is read only: a plain list of the zaak's rows, a
# detail, the nested route's 404/403 of its zaak.  Rows are inserted
# directly here, as the Besluiten API will.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;
use OZ::Checks;
use OZ::Zaken;

no_shuffle();
no_long_string();
oz_setup(apis => ['zaken', 'catalogi']);

our $Z1 = '23300000-0000-4000-8000-000000000001';
our $Z2 = '23300000-0000-4000-8000-000000000002';
our $ZB = '23300000-0000-4000-8001-000000000001';
our $B  = '23300000-0000-4000-8002-000000000001';

sub T233::data {
    OZ::Zaken::seed();
    OZ::Zaken::zaak($Z1, zaaktype => 'zt1');
    OZ::Zaken::zaak($Z2, zaaktype => 'zt2');
    OZ::Zaken::sql("INSERT INTO zaken.zaakbesluit (uuid, zaak, besluit)"
                   . " VALUES ('$ZB', '$Z1', '$B')");
}

run_tests();

__DATA__

=== TEST 1: the list and a detail of a zaak's besluiten; another zaak's are not there
--- init
T233::data();
--- more_headers eval
OZ::Zaken::hdr('super')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z1/besluiten",
 "GET /zaken/api/v1/zaken/$main::Z1/besluiten/$main::ZB",
 "GET /zaken/api/v1/zaken/$main::Z2/besluiten",
 "GET /zaken/api/v1/zaken/$main::Z2/besluiten/$main::ZB",
 "GET /zaken/api/v1/zaken/23300000-0000-4000-8000-000000000009/besluiten"]
--- error_code eval
[200, 200, 200, 404, 404]
--- response_body_like eval
my $row = "{\"url\":\"http://localhost/zaken/api/v1/zaken/$main::Z1/besluiten/$main::ZB\",\"uuid\":\"$main::ZB\",\"besluit\":\"http://localhost/besluiten/api/v1/besluiten/$main::B\"}";
['^' . quotemeta("[$row]") . '$', '^' . quotemeta($row) . '$', '^\[\]$',
 '"code":"not_found"', '"code":"not_found"']

=== TEST 2: a client that may not see the zaak: 403 on the list and the detail; its own zaak's list
--- init
T233::data();
--- more_headers eval
OZ::Zaken::hdr('lezer')
--- request eval
["GET /zaken/api/v1/zaken/$main::Z2/besluiten",
 "GET /zaken/api/v1/zaken/$main::Z1/besluiten"]
--- error_code eval
[403, 200]

=== TEST 3: no writes until the Besluiten API keeps the relation
--- init
T233::data();
--- more_headers eval
OZ::Zaken::hdr_json('super')
--- request eval
["POST /zaken/api/v1/zaken/$main::Z1/besluiten\n{\"besluit\": \"http://localhost/besluiten/api/v1/besluiten/$main::B\"}",
 "DELETE /zaken/api/v1/zaken/$main::Z1/besluiten/$main::ZB"]
--- error_code eval
[405, 405]
--- sql_check
SELECT count(*) FROM zaken.zaakbesluit
--- sql_check_out eval
["1", "1"]
