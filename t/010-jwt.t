# JWT authentication, as Open Zaak does it: the Authorization header, the
# client named by the token, its secret, the algorithm, the time claims,
# and the scopes of the client's applicatie.  Every refusal is a 403
# application/problem+json "Fout" with the code Open Zaak uses.
#
# All requests go to GET /autorisaties/api/v1/applicaties, which needs the
# scope autorisaties.lezen of component ac, except the last blocks: they
# check that a refused write is not carried out all the same (they come
# last because a failure would change the applicaties the others count).
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
oz_setup(apis => ['autorisaties']);

# The superuser's secret: distinctive, so that the error log can be
# searched for it (no block may log it).
our $SECRET = 'Sup3r-S3cret-Value';

# The clients of this file; the blocks only read, so they are made once.
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => $SECRET);
OZ::Test::oz_client(client_id => 'lezer', secret => 'lezer-secret',
    uuid => '1e2e3e4e-0000-4000-8000-00000000001e',
    autorisaties => [{component => 'ac', scopes => ['autorisaties.lezen']}]);
OZ::Test::oz_client(client_id => 'bijwerker', secret => 'bijwerker-secret',
    heeft_alle => 0,
    autorisaties => [{component => 'ac', scopes => ['autorisaties.bijwerken']}]);
OZ::Test::oz_client(client_id => 'zaken-lezer', secret => 'zl-secret',
    heeft_alle => 0,
    autorisaties => [{component => 'zrc', scopes => ['autorisaties.lezen'],
                      max_va => 'zeer_geheim'}]);
# an applicatie whose client has an empty secret (as the API leaves it)
OZ::Test::oz_client(client_id => 'leeg', secret => '');
# a secret but no applicatie
OZ::Test::oz_psql("INSERT INTO autorisaties.jwt_secret (client_id, secret)"
                  . " VALUES ('zonder-app', 'za-secret')");

# Every block: nothing at alert/emerg level and never the secret in the log
# (debug level: the request headers, the token included, are logged).
add_block_preprocessor(sub {
    my ($block) = @_;
    $block->set_value(no_error_log => "[alert]\n[emerg]\n$SECRET\n")
        unless defined $block->no_error_log;
});

# The problem+json body of a 403 with the given code.
sub fout {
    my ($code) = @_;
    return {
        type     => qr{/ref/fouten/PermissionDenied/\z},
        code     => $code,
        title    => 'Je hebt geen toestemming om deze actie uit te voeren.',
        status   => 403,
        detail   => qr/\S/,
        instance => qr/\Aurn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z/,
    };
}

run_tests();

__DATA__

=== TEST 1: a valid token of a superuser: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET)
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}
--- no_error_log
[alert]
[emerg]
Sup3r-S3cret-Value



=== TEST 2: no Authorization header: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 3: "bearer" in lower case is no bearer token: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
"Authorization: bearer " . OZ::Test::oz_token(client_id => 'super', secret => $main::SECRET)
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 4: "Token" scheme: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
"Authorization: Token " . OZ::Test::oz_token(client_id => 'super', secret => $main::SECRET)
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 5: Basic authentication: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers
Authorization: Basic c3VwZXI6U3VwM3ItUzNjcmV0LVZhbHVl
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 6: "Bearer" without a token: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers
Authorization: Bearer
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 7: a token of one part: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers
Authorization: Bearer abc
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 8: three parts that are no base64url JSON: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers
Authorization: Bearer a.b.c
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 9: four parts: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET) . '.eA'
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 10: characters outside base64url in the payload: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
my ($h, $p, $s) = split /\./, OZ::Test::oz_token(client_id => 'super', secret => $main::SECRET);
"Authorization: Bearer $h.\$\$\$\$.$s"
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 11: a payload that is a JSON array: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, payload_raw => '[1]')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 12: a payload that is not JSON: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, payload_raw => '{"client_id": "super"')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 13: a JOSE header that is not JSON: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, header_raw => 'HS256')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 14: a JOSE header that is a JSON string: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, header_raw => '"HS256"')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 15: no client_id claim: missing-client-identifier
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {client_id => undef})
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('missing-client-identifier')



=== TEST 16: an empty client_id claim: missing-client-identifier
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {client_id => ''})
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('missing-client-identifier')



=== TEST 17: the client id in the JOSE header (client_identifier) only: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
                    header => {client_identifier => 'super'},
                    claims => {client_id => undef, iss => undef})
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 18: an unknown client id: invalid-client-identifier
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'onbekend', secret => $main::SECRET)
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-client-identifier')



=== TEST 19: a client id whose secret is empty: invalid-client-identifier
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'leeg', secret => '')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-client-identifier')



=== TEST 20: a wrong secret: invalid-jwt-signature, the secret not logged
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 'Sup3r-S3cret-Valu')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-jwt-signature')
--- no_error_log
[alert]
[emerg]
Sup3r-S3cret-Value



=== TEST 21: the signature of another client: invalid-jwt-signature
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 'lezer-secret')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-jwt-signature')



=== TEST 22: a token without signature: invalid-jwt-signature
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
my $t = OZ::Test::oz_token(client_id => 'super', secret => $main::SECRET);
$t =~ s/\.[^.]*\z/./;
"Authorization: Bearer $t"
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-jwt-signature')



=== TEST 23: a wrong secret on an expired token: the signature is checked first
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => 'wrong', iat => time() - 7200) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-jwt-signature')



=== TEST 24: alg none: jwt-invalidalgorithmerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', alg => 'none')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidalgorithmerror')



=== TEST 25: HS384 with the right secret: jwt-invalidalgorithmerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, alg => 'HS384')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidalgorithmerror')



=== TEST 26: HS512 with the right secret: jwt-invalidalgorithmerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, alg => 'HS512')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidalgorithmerror')



=== TEST 27: RS256: jwt-invalidalgorithmerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, alg => 'RS256')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidalgorithmerror')



=== TEST 28: alg none for an unknown client: invalid-client-identifier first
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'onbekend', alg => 'none')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-client-identifier')



=== TEST 29: no iat claim: jwt-missing-iat-claim
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {iat => undef})
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-missing-iat-claim')



=== TEST 30: iat not a number: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":"abc","iss":"super"}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 31: iat as a numeric string: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":"' . time() . '","iss":"super"}') }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 32: iat exactly the default expiry (3600 s) ago: jwt-expired
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 3600) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 33: iat 3605 s ago: jwt-expired
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 3605) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 34: iat 3500 s ago: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 3500) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 35: openzaak_jwt_expiry 60s (http level), iat 120 s ago: jwt-expired
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_jwt_expiry 60s;
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 120) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 36: openzaak_jwt_expiry 60s (http level), iat 60 s ago: jwt-expired
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_jwt_expiry 60s;
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 60) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 37: openzaak_jwt_expiry 60s (http level), iat 30 s ago: 200
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_jwt_expiry 60s;
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 30) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 38: expiry 60s with openzaak_jwt_leeway 120s, iat 120 s ago: 200
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_jwt_expiry 60s;
openzaak_jwt_leeway 120s;
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 120) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 39: expiry 60s with leeway 120s, iat 180 s ago: jwt-expired
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_jwt_expiry 60s;
openzaak_jwt_leeway 120s;
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 180) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 40: openzaak_jwt_expiry 2h (server level), iat 5000 s ago: 200
--- config
openzaak_jwt_expiry 2h;
location /autorisaties/api/v1 { openzaak_api autorisaties; }
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 5000) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 41: expiry 2h on the server, 1m in the location: the location's wins
--- config
openzaak_jwt_expiry 2h;
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_jwt_expiry 1m;
}
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 90) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 42: openzaak_jwt_leeway 2m in the location, expiry 1m on the server: 200
--- config
openzaak_jwt_expiry 1m;
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_jwt_leeway 2m;
}
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 150) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 43: iat 10 s in the future, within the default clock skew: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() + 10) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 44: iat 120 s in the future: jwt-immaturesignatureerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() + 120) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-immaturesignatureerror')



=== TEST 45: openzaak_jwt_clock_skew 0s, iat 60 s in the future: jwt-immaturesignatureerror
--- config
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_jwt_clock_skew 0s;
}
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
# made when the block runs, not when the file is read (see OZ::Test's
# "sub { }" sections); 60 s ahead, as nginx under valgrind may need more
# than 10 s to start
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
                          iat => time() + 60) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-immaturesignatureerror')



=== TEST 46: openzaak_jwt_clock_skew 0s, iat now: 200
--- config
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_jwt_clock_skew 0s;
}
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET)
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 47: openzaak_jwt_clock_skew 5m (http level), iat 120 s in the future: 200
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_jwt_clock_skew 5m;
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() + 120) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 48: exp in the past: jwt-expiredsignatureerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {exp => time() - 1}) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expiredsignatureerror')



=== TEST 49: exp in the future: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {exp => time() + 600}) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 50: exp not a number: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {exp => 'morgen'})
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 51: exp 10 s ago with openzaak_jwt_leeway 60s: 200
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_jwt_leeway 60s;
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {exp => time() - 10}) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 52: nbf in the future: jwt-immaturesignatureerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {nbf => time() + 600}) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-immaturesignatureerror')



=== TEST 53: nbf in the past: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {nbf => time() - 10}) }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 54: nbf not a number: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {nbf => 'gisteren'})
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 55: an aud claim (string): jwt-invalidaudienceerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {aud => 'openzaak'})
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidaudienceerror')



=== TEST 56: an aud claim (list): jwt-invalidaudienceerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, claims => {aud => ['openzaak', 'zrc']})
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidaudienceerror')



=== TEST 57: only iss, iat and client_id, as the VNG token issuer makes them: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    header_raw => '{"alg":"HS256","typ":"JWT"}',
    payload_raw => '{"iss":"super","iat":' . time() . ',"client_id":"super"}') }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}
--- no_error_log
[alert]
[emerg]
Sup3r-S3cret-Value



=== TEST 58: extra claims (user_id, user_representation): 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    claims => {user_id => 'u123', user_representation => 'Jan Jansen'})
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 59: a client with autorisaties.lezen for ac: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'lezer', secret => 'lezer-secret')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 60: a client with only autorisaties.bijwerken: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'bijwerker', secret => 'bijwerker-secret')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 61: autorisaties.lezen for component zrc instead of ac: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'zaken-lezer', secret => 'zl-secret')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 62: a client with a secret but no applicatie: permission_denied
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'zonder-app', secret => 'za-secret')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 63: iat -1e300 (far outside time_t): jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":-1e300}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 64: iat 1e300: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":1e300}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 65: iat -9223372036854775808 (the smallest int64): jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":-9223372036854775808}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 66: iat 9223372036854775807 (the largest int64): jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":9223372036854775807}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 67: iat beyond int64: libjwt cannot read the claims, 403 invalid-jwt-signature
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":99999999999999999999}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-jwt-signature')



=== TEST 68: iat "-9223372036854775807" as a string: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":"-9223372036854775807"}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 69: iat "99999999999999" as a string beyond the range: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":"99999999999999"}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 70: iat -1: out of range, jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":-1}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 71: iat 0 (the epoch, in range): jwt-expired
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":0}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 72: iat 253402300799 (the last second of year 9999): in range, jwt-immaturesignatureerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":253402300799}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-immaturesignatureerror')



=== TEST 73: iat 253402300800 (one second more): jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":253402300800}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 74: iat with a fraction: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . '.5}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 75: iat as a number without fraction written with a decimal point: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . '.0}') }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 76: iat in exponent notation without fraction: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . sprintf('%.9e', time()) . '}') }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 77: iat true: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":true}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 78: iat an array: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":[' . time() . ']}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 79: iat " 123" (a string with a space): jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":" ' . time() . '"}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 80: iat an empty string: jwt-invalidissuedaterror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":""}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidissuedaterror')



=== TEST 81: exp 1e300: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"exp":1e300}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 82: exp -1e300: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"exp":-1e300}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 83: exp -1: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"exp":-1}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 84: exp with a fraction: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"exp":' . (time() + 600) . '.5}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 85: exp in the future as a string of digits: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"exp":"' . (time() + 600) . '"}') }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 86: exp at the end of year 9999: 200 (the iat still bounds the token)
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"exp":253402300799}') }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 87: exp beyond int64: libjwt cannot read the claims, 403 invalid-jwt-signature
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"exp":-99999999999999999999}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-jwt-signature')



=== TEST 88: nbf -1e300: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"nbf":-1e300}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 89: nbf 1e300: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"nbf":1e300}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 90: nbf 0: 200
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"nbf":0}') }
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}



=== TEST 91: nbf false: jwt-decodeerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"nbf":false}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decodeerror')



=== TEST 92: a client id with NUL names no client, not the client before it: invalid-client-identifier
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super\\u0000x","iat":' . time() . '}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-client-identifier')



=== TEST 93: a client id with a lone surrogate: invalid-client-identifier
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super\\ud800","iat":' . time() . '}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-client-identifier')



=== TEST 94: claims that are no UTF-8: jwt-decode-error
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    payload_raw => '{"client_id":"super","iat":' . time() . ',"x":"' . "\xc0\xaf" . '"}') }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-decode-error')



=== TEST 95: an alg of "HS256" and more after a NUL: jwt-invalidalgorithmerror
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET,
    header_raw => '{"alg":"HS256\\u0000x","typ":"JWT"}')
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-invalidalgorithmerror')



=== TEST 96: POST with a wrong secret: invalid-jwt-signature
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["indringer-1"], "label": "x", "heeftAlleAutorisaties": true}
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 'wrong')
. "\nContent-Type: application/json"
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('invalid-jwt-signature')



=== TEST 97: POST without a token: permission_denied
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["indringer-2"], "label": "x", "heeftAlleAutorisaties": true}
--- more_headers
Content-Type: application/json
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 98: POST by a client without autorisaties.bijwerken: permission_denied
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["indringer-3"], "label": "x", "heeftAlleAutorisaties": true}
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'lezer', secret => 'lezer-secret')
. "\nContent-Type: application/json"
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('permission_denied')



=== TEST 99: DELETE with an expired token: jwt-expired
--- request
DELETE /autorisaties/api/v1/applicaties/1e2e3e4e-0000-4000-8000-00000000001e
--- more_headers eval
sub { OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET, iat => time() - 7200) }
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset eval
main::fout('jwt-expired')



=== TEST 100: none of the refused writes was carried out
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SECRET)
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"count": 5}
--- response_body_unlike: indringer
