# No small fixed caps where the standard sets none: a comma separated
# filter (__in, clientIds) with 500 values, a body with arrays of 500
# items, and the writes and reads of an object that large, work like any
# other request.
#
# * A comma separated filter is one bound parameter, split in SQL
#   (string_to_array), so the number of its values is bounded only by the
#   request line: nginx's large_client_header_buffers (default 8k; TEST 4
#   raises it for 500 values of 36 characters, the size of a uuid).
# * The JSON limits (openzaak_json_max_values 10000 and
#   openzaak_json_max_items 1000 by default) let 500 items through.
#
# What no endpoint shows yet, and so no block here: the number of
# statements in one batch (pg.c grows its arrays as a batch needs; before,
# a batch stopped at 32 statements) and the number of filters of one
# operation (a bit set as long as the operation's filters; before, at most
# 64).  Every write and read of the Autorisaties and Catalogi APIs has
# fewer than 16 statements and every operation fewer than 30 filters; the
# Zaken API's zaak (its parts, its ~70 filters with their __in, __gt, ...
# variants) is where both will be tested.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();
oz_setup(apis => ['autorisaties', 'catalogi']);

our $CAT = 'c0000000-0000-4000-8000-000000000001';
our $APP = 'a0000000-0000-4000-8000-000000000001';
our $NEW = 'a0000000-0000-4000-8000-000000000002';

sub main::seed {
    OZ::Test::oz_reset();
    OZ::Test::oz_client(client_id => 'lim', secret => 'lim-secret',
                        uuid => $main::APP);
    OZ::Test::oz_psql(<<"SQL");
INSERT INTO catalogi.catalogus (uuid, domein, rsin, contactpersoon_beheer_naam)
VALUES ('$CAT', 'D0499', '002220647', 'Eerste'),
       ('c0000000-0000-4000-8000-000000000002', 'ANDER', '517439943',
        'Tweede');
SQL
}

# Content type and token; main::hdr() adds the Host (oz_http sends its own).
sub main::auth {
    return "Content-Type: application/json\n"
        . "Authorization: Bearer "
        . OZ::Test::oz_token(client_id => 'lim', secret => 'lim-secret');
}

sub main::hdr {
    return "Host: localhost\n" . main::auth();
}

# N values made by sprintf(FORMAT, i) for i = 0 .. N-1, comma separated.
sub main::csv {
    my ($n, $format) = @_;
    return join(',', map { sprintf($format, $_) } 0 .. $n - 1);
}

# An applicatie with 500 client ids and 500 autorisaties.
sub main::big_app {
    my @ids = map { sprintf('"client-%04d"', $_) } 0 .. 499;
    my @auts = map {
        sprintf('{"component": "ztc", "scopes": ["catalogi.lezen"]}')
    } 0 .. 499;
    return '{"clientIds": [' . join(', ', @ids) . '], "label": "Groot",'
        . ' "heeftAlleAutorisaties": false, "autorisaties": ['
        . join(', ', @auts) . ']}';
}

run_tests();

__DATA__

=== TEST 1: domein__in with 500 values, one of them a catalogus's
--- init
main::seed();
--- request eval
"GET /catalogi/api/v1/catalogussen?domein__in=" . main::csv(500, 'D%04d')
--- more_headers eval
sub { main::hdr() }
--- error_code: 200
--- json_subset
{"count": 1, "results": [{"domein": "D0499", "rsin": "002220647"}]}
--- no_error_log
[error]



=== TEST 2: rsin__in with 500 values, none of them a catalogus's
--- init
main::seed();
--- request eval
"GET /catalogi/api/v1/catalogussen?rsin__in=" . main::csv(500, '1%08d')
--- more_headers eval
sub { main::hdr() }
--- error_code: 200
--- response_body chomp
{"count":0,"next":null,"previous":null,"results":[]}
--- no_error_log
[error]



=== TEST 3: clientIds with 500 values, the last the client's own
--- init
main::seed();
--- request eval
"GET /autorisaties/api/v1/applicaties?clientIds="
. main::csv(499, 'other-%d') . ",lim"
--- more_headers eval
sub { main::hdr() }
--- error_code: 200
--- json_subset
{"count": 1, "results": [{"clientIds": ["lim"]}]}
--- no_error_log
[error]



=== TEST 4: 500 values of 36 characters (18 KB) once the request line may be that long
--- init
main::seed();
--- config
large_client_header_buffers 4 32k;
location /autorisaties/api/v1 { openzaak_api autorisaties; }
--- request eval
"GET /autorisaties/api/v1/applicaties?clientIds=lim,"
. main::csv(499, 'b0000000-0000-4000-8000-%012d')
--- more_headers eval
sub { main::hdr() }
--- error_code: 200
--- json_subset
{"count": 1, "results": [{"clientIds": ["lim"]}]}
--- no_error_log
[error]



=== TEST 5: create an applicatie with 500 client ids and 500 autorisaties
--- init
main::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n" . main::big_app()
--- more_headers eval
sub { main::hdr() }
--- error_code: 201
--- json_subset eval
{ clientIds => [map { sprintf('client-%04d', $_) } 0 .. 499],
  autorisaties => [({ component => 'ztc', scopes => ['catalogi.lezen'] })
                   x 500] }
--- sql_check
SELECT count(*), count(DISTINCT x.applicatie_uuid), min(x.position),
       max(x.position),
       (SELECT count(*) FROM autorisaties.jwt_secret
        WHERE client_id LIKE 'client-%')
FROM autorisaties.autorisatie x JOIN autorisaties.applicatie a
     ON a.uuid = x.applicatie_uuid
WHERE a.label = 'Groot'
--- sql_check_out
500|1|0|499|500
--- no_error_log
[error]



=== TEST 6: the list shows it whole, found by one of its 500 client ids among 500
--- init
main::seed();
OZ::Test::oz_http('POST', '/autorisaties/api/v1/applicaties', main::auth(),
                  main::big_app())->[0] == 201 or die "create failed\n";
--- request eval
"GET /autorisaties/api/v1/applicaties?clientIds="
. main::csv(500, 'client-%04d')
--- more_headers eval
sub { main::hdr() }
--- error_code: 200
--- json_subset eval
{ count => 1,
  results => [{ label => 'Groot',
                clientIds => [map { sprintf('client-%04d', $_) } 0 .. 499],
                autorisaties => [({ component => 'ztc',
                                    scopes => ['catalogi.lezen'] })
                                 x 500] }] }
--- no_error_log
[error]
