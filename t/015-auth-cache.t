# The authorisation cache: every worker keeps the clients it has seen
# (secret, applicatie, autorisaties).  A change in the database (a trigger
# NOTIFYs every worker) or through the API (a counter in shared memory)
# must take effect at once in every worker, without a reload.
#
# nginx runs with two workers and is kept running from block to block (our
# runner restarts it only when the configuration changes, and every block
# here has the same one).  Each "check" block sends $N requests, each on its
# own connection; see "Both workers" below for how they reach both workers
# and how that is verified.  Each scenario first fills both workers'
# caches with a check block, then changes something (in its init, or with
# a request of the superuser), then checks that every worker sees it.
#
# The 200 answers of client C's and G's blocks do not check the count of
# applicaties: the list leaves out applicaties whose heeftAlleAutorisaties
# and autorisaties disagree (C's do at times, as only SQL can make them).
#
# Under the real Test::Nginx, which restarts nginx for every block, the
# caches start empty in each block: the assertions still hold, but only
# our runner tests that cached entries are dropped.
#
# Both workers
# ------------
# With accept_mutex off, nginx (1.11.3+ on Linux) listens with
# EPOLLEXCLUSIVE, and the kernel then wakes the same idle worker for
# every new connection: sequential requests all end up in one worker.  So
# the test server listens with `reuseport` (TEST_NGINX_REUSE_PORT, which
# both runners read when they are loaded), which gives each worker a socket
# of its own; the kernel hashes each connection (source port) onto one of
# them.  Every request is
# tagged with an X-OZ-Block header and logged with the worker's pid, and
# `--- served_by_workers: 2` checks, after the last response of the block,
# that two distinct workers answered.  With $N = 20 requests the chance
# that the hash sends them all to one worker is 2^-19 per block.
use lib 't/lib';
BEGIN { $ENV{TEST_NGINX_REUSE_PORT} = 1 }
# Two worker processes are the point of this file; under valgrind nginx
# runs as a single process (master_process off), so there is nothing to test.
use Test::Nginx::Socket $ENV{TEST_NGINX_USE_VALGRIND}
    ? (skip_all => 'needs two worker processes; valgrind runs nginx as one')
    : 'no_plan';
use OZ::Test;

no_shuffle();
workers(2);
master_on();

our $N = 20;                         # requests per check block
our $SUPER = 'super-cache-secret';   # the superuser that changes things
our $B_UUID = 'b1d2c3e4-0000-4000-8000-00000000000b';
our $C_UUID = 'c1d2c3e4-0000-4000-8000-00000000000c';

my $LOG = 'logs/oz-workers.log';

oz_setup(
    apis => ['autorisaties'],
    http => "log_format oz_worker '\$pid \$http_x_oz_block';\n",
    server => "access_log $LOG oz_worker;\n",
);

sub block_tag { return 'block-' . $_[0]->seq_num }

add_block_preprocessor(sub {
    my ($block) = @_;

    # some failures are logged at error level by design; alert and emerg
    # never are
    $block->set_value(no_error_log => "[alert]\n[emerg]\n")
        unless defined $block->no_error_log;

    OZ::Test::oz_at_send($block);

    if (defined $block->served_by_workers) {
        my $headers = $block->more_headers // '';
        $block->set_value(more_headers => "$headers\nX-OZ-Block: "
                                          . block_tag($block) . "\n")
            unless $headers =~ /^X-OZ-Block:/m;
    }
});

# --- served_by_workers: N  (after the block's last response)
add_response_body_check(sub {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $want = $block->served_by_workers;
    return unless defined $want;

    my $req = $block->request;
    return unless $req_idx == (ref $req eq 'ARRAY' ? @$req : 1) - 1;

    my $name = $block->name . " - served by $want workers";
    if ($dry_run) {
        SKIP: { Test::More::skip("$name - tests skipped due to $dry_run", 1) }
        return;
    }

    my $tag = block_tag($block);
    my (%pids, $fh);
    if (open $fh, '<', server_root() . "/$LOG") {
        while (my $line = <$fh>) {
            my ($pid, $t) = split ' ', $line;
            $pids{$pid}++ if defined $t && $t eq $tag;
        }
        close $fh;
    }
    Test::More::is(scalar(keys %pids), $want, $name)
        or Test::More::diag("requests per worker pid: "
            . join(', ', map { "$_: $pids{$_}" } sort keys %pids));
});

# sql/client-secret --db DB CLIENT_ID [SECRET]; returns its stdout
sub client_secret {
    my (@args) = @_;
    my @cmd = ("$ENV{TEST_NGINX_OZ_REPO}/sql/client-secret",
               '--db', $ENV{TEST_NGINX_OZ_DB}, @args);
    my $quoted = join ' ', map { "'" . s/'/'\\''/gr . "'" } @cmd;
    my $out = `$quoted`;
    die "sql/client-secret @args failed (exit status " . ($? >> 8) . ")\n"
        if $? != 0;
    return $out;
}

# The problem+json body of a 403 with the given code.
sub fout {
    my ($code) = @_;
    return {
        type     => qr{/ref/fouten/PermissionDenied/\z},
        code     => $code,
        title    => 'Je hebt geen toestemming om deze actie uit te voeren.',
        status   => 403,
        detail   => qr/\S/,
        instance => qr/\Aurn:uuid:[0-9a-f-]{36}\z/,
    };
}

run_tests();

__DATA__

=== TEST 1: client A's token works on every worker (both cache A)
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => $main::SUPER);
OZ::Test::oz_client(client_id => 'client-a', secret => 'a-old-secret');
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-a', secret => 'a-old-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": 2}
--- served_by_workers: 2



=== TEST 2: sql/client-secret rotates A's secret: the old token is refused by every worker
--- init
main::client_secret('client-a', 'a-new-secret');
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-a', secret => 'a-old-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('invalid-jwt-signature')
--- served_by_workers: 2



=== TEST 3: a token with A's new secret works on every worker
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-a', secret => 'a-new-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": 2}
--- served_by_workers: 2



=== TEST 4: client id "newclient" is not known yet: invalid-client-identifier on every worker
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'newclient', secret => 'newclient-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('invalid-client-identifier')
--- served_by_workers: 2



=== TEST 5: the superuser creates an applicatie for newclient through the API
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["newclient"], "label": "x", "heeftAlleAutorisaties": true}
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SUPER)
. "\nContent-Type: application/json"
--- error_code: 201
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"clientIds": ["newclient"], "label": "x", "heeftAlleAutorisaties": true,
 "autorisaties": []}



=== TEST 6: newclient's secret is still empty: invalid-client-identifier on every worker
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'newclient', secret => 'newclient-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('invalid-client-identifier')
--- served_by_workers: 2



=== TEST 7: sql/client-secret sets newclient's secret: its token works at once on every worker
--- init
main::client_secret('newclient', 'newclient-secret');
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'newclient', secret => 'newclient-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": 3}
--- served_by_workers: 2



=== TEST 8: client B with autorisaties.lezen: 200 on every worker (both cache B)
--- init
OZ::Test::oz_client(client_id => 'client-b', secret => 'b-secret',
    uuid => $main::B_UUID, label => 'client b',
    autorisaties => [{component => 'ac', scopes => ['autorisaties.lezen']}]);
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-b', secret => 'b-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": 4}
--- served_by_workers: 2



=== TEST 9: the superuser PATCHes B's autorisaties to autorisaties.bijwerken only
--- request
PATCH /autorisaties/api/v1/applicaties/b1d2c3e4-0000-4000-8000-00000000000b
{"autorisaties": [{"component": "ac", "scopes": ["autorisaties.bijwerken"]}]}
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SUPER)
. "\nContent-Type: application/json"
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"clientIds": ["client-b"], "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "ac", "scopes": ["autorisaties.bijwerken"]}]}



=== TEST 10: after the PATCH, B is refused by every worker
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-b', secret => 'b-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('permission_denied')
--- served_by_workers: 2



=== TEST 11: the superuser PUTs B's applicatie back with autorisaties.lezen
--- request
PUT /autorisaties/api/v1/applicaties/b1d2c3e4-0000-4000-8000-00000000000b
{"clientIds": ["client-b"], "label": "client b", "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "ac", "scopes": ["autorisaties.lezen"]}]}
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SUPER)
. "\nContent-Type: application/json"
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- json_subset
{"clientIds": ["client-b"], "heeftAlleAutorisaties": false,
 "autorisaties": [{"component": "ac", "scopes": ["autorisaties.lezen"]}]}



=== TEST 12: after the PUT, B's token works again on every worker
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-b', secret => 'b-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": 4}
--- served_by_workers: 2



=== TEST 13: the superuser DELETEs B's applicatie
--- request
DELETE /autorisaties/api/v1/applicaties/b1d2c3e4-0000-4000-8000-00000000000b
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => $main::SUPER)
--- error_code: 204
--- response_headers
API-version: 1.0.0
--- response_body chomp



=== TEST 14: after the DELETE, B is refused by every worker: permission_denied
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-b', secret => 'b-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('permission_denied')
--- served_by_workers: 2



=== TEST 15: client C, heeftAlleAutorisaties with only autorisaties.bijwerken: 200 on every worker
--- init
OZ::Test::oz_client(client_id => 'client-c', secret => 'c-secret',
    uuid => $main::C_UUID, heeft_alle => 1,
    autorisaties => [{component => 'ac', scopes => ['autorisaties.bijwerken']}]);
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-c', secret => 'c-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": "/^[1-9][0-9]*$/", "next": null, "previous": null}
--- served_by_workers: 2



=== TEST 16: SQL sets C's heeft_alle_autorisaties to false: refused by every worker
--- init
OZ::Test::oz_psql("UPDATE autorisaties.applicatie SET heeft_alle_autorisaties = false"
                  . " WHERE uuid = '$main::C_UUID'");
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-c', secret => 'c-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('permission_denied')
--- served_by_workers: 2



=== TEST 17: SQL changes C's autorisatie to autorisaties.lezen: 200 on every worker
--- init
OZ::Test::oz_psql("UPDATE autorisaties.autorisatie SET scopes = ARRAY['autorisaties.lezen']"
                  . " WHERE applicatie_uuid = '$main::C_UUID'");
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-c', secret => 'c-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": "/^[1-9][0-9]*$/", "next": null, "previous": null}
--- served_by_workers: 2



=== TEST 18: SQL deletes C's autorisaties: refused by every worker
--- init
OZ::Test::oz_psql("DELETE FROM autorisaties.autorisatie"
                  . " WHERE applicatie_uuid = '$main::C_UUID'");
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-c', secret => 'c-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('permission_denied')
--- served_by_workers: 2



=== TEST 19: client G's first secret works on every worker (both cache G)
--- init
OZ::Test::oz_client(client_id => 'client-g', secret => 'g-first-secret');
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-g', secret => 'g-first-secret')
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": "/^[1-9][0-9]*$/", "next": null, "previous": null}
--- served_by_workers: 2



=== TEST 20: sql/client-secret without a secret prints a new one, which works at once on every worker
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
# when the block runs: sql/client-secret makes the secret, the token uses it
sub {
    my $secret = main::client_secret('client-g');
    die "sql/client-secret printed '$secret', not a secret of 32 hex digits\n"
        unless $secret =~ s/\A([0-9a-f]{32})\n\z/$1/;
    OZ::Test::oz_bearer(client_id => 'client-g', secret => $secret);
}
--- error_code eval
[(200) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"count": "/^[1-9][0-9]*$/", "next": null, "previous": null}
--- served_by_workers: 2



=== TEST 21: G's first secret is refused by every worker
--- request eval
[("GET /autorisaties/api/v1/applicaties") x $main::N]
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'client-g', secret => 'g-first-secret')
--- error_code eval
[(403) x 20]
--- response_headers eval
[(<<'_OZ_EACH_') x 20]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset eval
main::fout('invalid-jwt-signature')
--- served_by_workers: 2
