# The token cache: a worker verifies a token once (parse and HMAC) and
# trusts it afterwards while the client it was verified against stays in
# the authorisation cache.  The time claims are checked again on every
# request.  A changed secret, applicatie or autorisatie, a lost LISTEN
# connection, an evicted client: the very next request is verified afresh.
#
# The module logs "openzaak jwt: cache store" when it keeps a token and
# "openzaak jwt: cache hit" when a request uses one (debug level).  The
# section
#     --- jwt_cache eval ["store", "hit", ""]
# gives, per request, the words of those lines the request logged ("" for
# neither).  grep_error_log_out cannot: both runners compare it per
# repetition of a block, not per request.
#
# Several tokens in one block: more_headers is one for all requests, so
# it carries them all (X-Tok-A: <token>, ...), made in the block's init
# (OZ::Test's "sub" form of more_headers).  A request for /as/a/<path> is
# proxied by the test nginx to itself as <path> with "Authorization:
# Bearer" and token a.
#
# Changes between requests:
#     --- after eval [undef, sub { main::change("UPDATE ...") }, undef]
# runs after the response of that request.  A change made with SQL reaches
# the worker by NOTIFY, asynchronously: main::change waits until the
# worker has logged the flush, so that "the next request" is well defined.
#
# One worker.  Every block starts with main::start, which waits for the
# worker's LISTEN connection (until it is up nothing is cached), sets up
# its clients (their own ids: under our runner nginx and its caches live
# on from block to block) and waits for the flushes that causes.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();

our $APP = 'oz_t016';
our $LIST = '/autorisaties/api/v1/applicaties';
our @NAMES = ('a' .. 'f', 's');
our %TOK;

oz_setup(
    apis => ['autorisaties'],
    server => join('', map { <<"_CONF_" } @NAMES),
location ~ ^/as/$_(?<oz_uri>/.*)\$ {
    proxy_set_header Authorization "Bearer \$http_x_tok_$_";
    proxy_pass http://127.0.0.1:\$server_port\$oz_uri;
}
_CONF_
);

# The http{} lines of every block: the database with an application_name
# (to find the LISTEN connection) and EXTRA.
sub main::http {
    my ($extra) = @_;
    return "openzaak_db \"\$TEST_NGINX_OZ_DB application_name=$APP\";\n"
        . ($extra // '');
}

add_block_preprocessor(sub {
    my ($block) = @_;

    $block->set_value(http_config => main::http())
        unless defined $block->http_config;

    $block->set_value(no_error_log => "[error]\n[alert]\n[emerg]\n")
        unless defined $block->no_error_log;

    if (!defined $block->more_headers) {
        $block->set_value(more_headers => sub { main::tok_headers() });
        OZ::Test::oz_at_send($block);
    }
});

sub main::tok_headers {
    return join "\n", map { "X-Tok-\u$_: $TOK{$_}" } sort keys %TOK;
}

sub main::admin_psql {
    local $ENV{TEST_NGINX_OZ_DB} = $ENV{TEST_NGINX_OZ_DB_ADMIN}
        // $ENV{TEST_NGINX_OZ_DB};
    return OZ::Test::oz_psql(@_);
}

sub main::wait_for {
    my ($what, $secs, $cond) = @_;
    my $until = Time::HiRes::time() + $secs;
    until ($cond->()) {
        die "timed out waiting for $what\n" if Time::HiRes::time() > $until;
        Time::HiRes::sleep(0.02);
    }
}

# pids of the worker's LISTEN connections that are listening
sub main::listeners {
    return split /\n/, main::admin_psql(
        "SELECT pid FROM pg_stat_activity WHERE application_name = '$APP'"
        . " AND query LIKE 'LISTEN %' AND state = 'idle'");
}

my $log_pos = 0;      # where the next request's lines begin

sub main::log_size { return OZ::Test::oz_log_size() }

# What was logged so far is no request's
sub main::skip_log { $log_pos = main::log_size() }

sub main::log_since { return OZ::Test::oz_log_since(@_) }

# Runs SQL that changes the autorisaties tables and waits until the
# worker has flushed its caches for it, and a little longer for the
# notifications of the other statements.
sub main::change {
    my ($sql) = @_;
    my $pos = main::log_size();
    OZ::Test::oz_psql($sql);
    main::wait_for('the worker to flush its caches', 5, sub {
        main::log_since($pos) =~ /openzaak auth: flushing cache \(notified\)/
    });
    Time::HiRes::sleep(0.2);
    main::skip_log();
}

# The block's clients: { name => { client_id, secret, token claims ... } }
# with oz_client's arguments under "client" for those to create.
sub main::start {
    my (%tokens) = @_;
    main::wait_for('the LISTEN connection', 10, sub { main::listeners() });
    my $pos = main::log_size();
    for my $t (values %tokens) {
        OZ::Test::oz_client(%{ $t->{client} }) if $t->{client};
    }
    %TOK = map {
        my $t = $tokens{$_};
        ($_ => OZ::Test::oz_token(
            client_id => $t->{client_id}, secret => $t->{secret},
            (defined $t->{iat} ? (iat => $t->{iat}) : ()),
            ($t->{claims} ? (claims => $t->{claims}) : ())))
    } keys %tokens;
    if (grep { $_->{client} } values %tokens) {
        main::wait_for('the worker to flush its caches', 5, sub {
            main::log_since($pos) =~ /openzaak auth: flushing cache/
        });
        Time::HiRes::sleep(0.2);
    }
    main::skip_log();
}

# A client and a token of it.
sub main::client {
    my ($id, %a) = @_;
    return { client_id => $id, secret => "$id-secret",
             client => { client_id => $id, secret => "$id-secret",
                         %{ delete $a{client} // {} } },
             %a };
}

my %DETAIL = (
    'invalid-jwt-signature'     => 'Client credentials zijn niet geldig',
    'jwt-expired'               =>
        'De JWT die gebruikt is voor dit verzoek is verlopen',
    'jwt-expiredsignatureerror' => 'JWT is niet valide',
);

my @bodies;

# --- jwt_cache, --- problem (the code of a 403 problem, per request; its
# detail too for the codes of %DETAIL), --- same_body ({i => j}: the body
# of response i is that of response j but for the instance), --- after.
add_response_body_check(sub {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $name = $block->name . " (req $req_idx)";

    $bodies[$req_idx] = $body;

    if (defined(my $want = $block->jwt_cache)) {
        $want = $want->[$req_idx] if ref $want eq 'ARRAY';
        if ($dry_run) {
            SKIP: { Test::More::skip("$name - $dry_run", 1) }
        } else {
            my $log = main::log_since($log_pos);
            my @got = $log =~ /openzaak jwt: cache (hit|store)/g;
            Test::More::is("@got", $want, "$name - jwt cache");
        }
    }
    main::skip_log();

    my $codes = $block->problem;
    if (defined $codes && defined $codes->[$req_idx] && !$dry_run) {
        my $code = $codes->[$req_idx];
        my $doc = eval { JSON::PP::decode_json($body) } // {};
        Test::More::is($doc->{code} // '', $code, "$name - problem code");
        Test::More::is($doc->{status} // '', 403, "$name - problem status");
        Test::More::is($doc->{detail}, $DETAIL{$code},
                       "$name - problem detail")
            if $DETAIL{$code};
    }

    my $same = $block->same_body;
    if (defined $same && defined $same->{$req_idx} && !$dry_run) {
        my ($got, $exp) = map {
            my $d = eval { JSON::PP::decode_json($_ // '') } // {};
            delete $d->{instance};
            JSON::PP->new->canonical->encode($d);
        } $body, $bodies[$same->{$req_idx}];
        Test::More::is($got, $exp,
                       "$name - the body of req $same->{$req_idx}");
    }

    my $after = $block->after;
    if (defined $after && $after->[$req_idx] && !$dry_run) {
        $after->[$req_idx]->();
    }
});

run_tests();

__DATA__

=== TEST 1: one token three times: verified once, then two hits; another token of the client is verified on its own
--- init
main::start(a => main::client('t1'),
            b => {client_id => 't1', secret => 't1-secret', iat => time() - 1});
--- request eval
["GET /as/a$main::LIST", "GET /as/a$main::LIST", "GET /as/a$main::LIST",
 "GET /as/b$main::LIST", "GET /as/b$main::LIST"]
--- error_code eval
[(200) x 5]
--- jwt_cache eval
["store", "hit", "hit", "store", "hit"]



=== TEST 2: refused tokens are never cached: a wrong secret, an expired iat, an unknown client
--- init
main::start(a => main::client('t2'),
            b => {client_id => 't2', secret => 'wrong'},
            c => {client_id => 't2', secret => 't2-secret',
                  iat => time() - 7200},
            d => {client_id => 't2-unknown', secret => 'x'});
--- request eval
["GET /as/b$main::LIST", "GET /as/b$main::LIST",
 "GET /as/c$main::LIST", "GET /as/c$main::LIST",
 "GET /as/d$main::LIST", "GET /as/d$main::LIST",
 "GET /as/a$main::LIST", "GET /as/a$main::LIST"]
--- error_code eval
[403, 403, 403, 403, 403, 403, 200, 200]
--- problem eval
['invalid-jwt-signature', 'invalid-jwt-signature',
 'jwt-expired', 'jwt-expired',
 'invalid-client-identifier', 'invalid-client-identifier']
--- jwt_cache eval
["", "", "", "", "", "", "store", "hit"]



=== TEST 3: the client's secret changes in the database: the cached token is refused on the next request, as a fresh one
--- init
main::start(a => main::client('t3'),
            b => {client_id => 't3', secret => 't3-secret',
                  claims => {n => 2}},
            c => {client_id => 't3', secret => 't3-new'});
--- request eval
["GET /as/a$main::LIST", "GET /as/a$main::LIST",
 "GET /as/a$main::LIST", "GET /as/b$main::LIST", "GET /as/a$main::LIST",
 "GET /as/c$main::LIST", "GET /as/c$main::LIST"]
--- after eval
[undef, sub { main::change("UPDATE autorisaties.jwt_secret"
                           . " SET secret = 't3-new' WHERE client_id = 't3'") }]
--- error_code eval
[200, 200, 403, 403, 403, 200, 200]
--- problem eval
[undef, undef, 'invalid-jwt-signature', 'invalid-jwt-signature',
 'invalid-jwt-signature']
--- same_body eval
{3 => 2}
--- jwt_cache eval
["store", "hit", "", "", "", "store", "hit"]



=== TEST 4: the applicatie is deleted (SQL): the next request is refused
The token is still valid (the secret is), so it is verified and cached
again, for a client without applicatie, which may do nothing.
--- init
main::start(a => main::client('t4'));
--- request eval
[("GET /as/a$main::LIST") x 4]
--- after eval
[undef, sub { main::change("DELETE FROM autorisaties.applicatie"
                           . " WHERE client_ids = ARRAY['t4']") }]
--- error_code eval
[200, 200, 403, 403]
--- problem eval
[undef, undef, 'permission_denied', 'permission_denied']
--- jwt_cache eval
["store", "hit", "store", "hit"]



=== TEST 5: heeftAlleAutorisaties is taken away (SQL): the next request is refused
--- init
main::start(a => main::client('t5'));
--- request eval
[("GET /as/a$main::LIST") x 3]
--- after eval
[undef, sub { main::change("UPDATE autorisaties.applicatie"
                           . " SET heeft_alle_autorisaties = false"
                           . " WHERE client_ids = ARRAY['t5']") }]
--- error_code eval
[200, 200, 403]
--- problem eval
[undef, undef, 'permission_denied']
--- jwt_cache eval
["store", "hit", "store"]



=== TEST 6: the scope is taken away (SQL): the next request is refused
--- init
main::start(a => main::client('t6', client => {
    autorisaties => [{component => 'ac', scopes => ['autorisaties.lezen']}]}));
--- request eval
[("GET /as/a$main::LIST") x 3]
--- after eval
[undef, sub { main::change("UPDATE autorisaties.autorisatie"
                           . " SET scopes = ARRAY['autorisaties.bijwerken']"
                           . " FROM autorisaties.applicatie a"
                           . " WHERE a.uuid = applicatie_uuid"
                           . " AND a.client_ids = ARRAY['t6']") }]
--- error_code eval
[200, 200, 403]
--- problem eval
[undef, undef, 'permission_denied']
--- jwt_cache eval
["store", "hit", "store"]



=== TEST 7: the superuser takes a client's scope away through the API: refused on the next request
No waiting here: a write through the API empties the caches at once.
--- init
main::start(a => main::client('t7', client => {
                uuid => 'a7000000-0000-4000-8000-000000000007',
                autorisaties => [{component => 'ac',
                                  scopes => ['autorisaties.lezen']}]}),
            s => main::client('t7-super'));
--- request eval
["GET /as/a$main::LIST", "GET /as/a$main::LIST",
 "PATCH /as/s$main::LIST/a7000000-0000-4000-8000-000000000007
{\"autorisaties\": [{\"component\": \"ac\",
                   \"scopes\": [\"autorisaties.bijwerken\"]}]}",
 "GET /as/a$main::LIST"]
--- more_headers eval
sub { main::tok_headers() . "\nContent-Type: application/json" }
--- error_code eval
[200, 200, 200, 403]
--- problem eval
[undef, undef, undef, 'permission_denied']
--- jwt_cache eval
["store", "hit", "store", "store"]



=== TEST 8: the LISTEN connection is lost and comes back: the token is verified afresh
While it is down no change would be seen, so nothing may be trusted.
--- init
main::start(a => main::client('t8'));
--- request eval
[("GET /as/a$main::LIST") x 3]
--- after eval
[undef, sub {
    my @old = main::listeners();
    main::admin_psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     . " WHERE application_name = '$main::APP'"
                     . " AND query LIKE 'LISTEN %'");
    main::wait_for('a new LISTEN connection', 10, sub {
        my %old = map { $_ => 1 } @old;
        grep { !$old{$_} } main::listeners();
    });
    main::skip_log();
}]
--- error_code eval
[200, 200, 200]
--- jwt_cache eval
["store", "hit", "store"]
--- no_error_log
[alert]
[emerg]



=== TEST 9: tokens age while cached: refused when iat + expiry or exp is past, as fresh tokens are
openzaak_jwt_expiry 3s: a's iat (1 s ago) is past the expiry 2 s later at
the latest; b's exp is at most 2 s away.  c and d are a and b with one
claim more: never cached, verified afresh.
--- http_config eval
main::http("openzaak_jwt_expiry 3s;\n")
--- init
my $now = time();
main::start(a => main::client('t9', iat => $now - 1),
            b => {client_id => 't9', secret => 't9-secret', iat => $now,
                  claims => {exp => $now + 2}},
            c => {client_id => 't9', secret => 't9-secret', iat => $now - 1,
                  claims => {n => 3}},
            d => {client_id => 't9', secret => 't9-secret', iat => $now,
                  claims => {exp => $now + 2, n => 4}});
--- request eval
["GET /as/a$main::LIST", "GET /as/a$main::LIST",
 "GET /as/b$main::LIST", "GET /as/b$main::LIST",
 "GET /as/a$main::LIST", "GET /as/b$main::LIST",
 "GET /as/c$main::LIST", "GET /as/d$main::LIST"]
--- after eval
[undef, undef, undef, sub { Time::HiRes::sleep(2.2); main::skip_log() }]
--- error_code eval
[200, 200, 200, 200, 403, 403, 403, 403]
--- problem eval
[undef, undef, undef, undef, 'jwt-expired', 'jwt-expiredsignatureerror',
 'jwt-expired', 'jwt-expiredsignatureerror']
--- same_body eval
{6 => 4, 7 => 5}
--- jwt_cache eval
["store", "hit", "store", "hit", "hit", "hit", "", ""]



=== TEST 10: openzaak_jwt_cache_size 0: every request is verified
--- http_config eval
main::http("openzaak_jwt_cache_size 0;\n")
--- init
main::start(a => main::client('t10'));
--- request eval
[("GET /as/a$main::LIST") x 3]
--- error_code eval
[(200) x 3]
--- jwt_cache eval
["", "", ""]



=== TEST 11: openzaak_jwt_cache_size 2: three tokens, the least recently used one makes way
--- http_config eval
main::http("openzaak_jwt_cache_size 2;\n")
--- init
main::start(a => main::client('t11a'), b => main::client('t11b'),
            c => main::client('t11c'));
--- request eval
[map { "GET /as/$_$main::LIST" } qw(a b a c a b a c)]
--- error_code eval
[(200) x 8]
--- jwt_cache eval
["store", "store", "hit", "store", "hit", "store", "hit", "store"]



=== TEST 12: openzaak_auth_cache_size 1: a client pushed out of the authorisation cache takes its tokens along
--- http_config eval
main::http("openzaak_auth_cache_size 1;\n")
--- init
main::start(a => main::client('t12a'), b => main::client('t12b'));
--- request eval
[map { "GET /as/$_$main::LIST" } qw(a a b a a)]
--- error_code eval
[(200) x 5]
--- jwt_cache eval
["store", "hit", "store", "store", "hit"]
