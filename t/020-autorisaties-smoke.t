# A first look at the Autorisaties API: list with a superuser client.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
oz_setup(apis => ['autorisaties']);

run_tests();

__DATA__

=== TEST 1: list applicaties with a superuser token
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 1, "next": null, "previous": null,
 "results": [{"clientIds": ["super"], "heeftAlleAutorisaties": true,
              "autorisaties": []}]}
--- no_error_log
[error]
