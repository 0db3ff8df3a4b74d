# PostgreSQL robustness of the per-worker pool (Autorisaties API, one
# worker): the database stopped (idle, and in the middle of a query) and
# started again; a full pool and a full wait queue; openzaak_db_queue 0;
# a burst larger than the pool; a role connection limit; clients that go
# away while their query waits (no backend leaks); the query timeout (the
# module's timer and the server's statement_timeout) and a statement the
# server cancels; backends killed by the server (pool and LISTEN
# connection, and the authorisation cache afterwards); a reload while a
# query runs; the idle timeout; the max lifetime (idle and busy
# connections); the connect timeout against a server that never answers.
#
# Slow queries are made by holding a lock: a psql child of this test
# (T040::lock_table) takes LOCK TABLE autorisaties.applicatie IN ACCESS
# EXCLUSIVE MODE inside a transaction and keeps it until
# T040::unlock_table() (or until it is killed). Every request of the
# Autorisaties API reads that table, so its query waits on the lock for
# as long as the test wants, and the wait is visible in pg_stat_activity
# (wait_event_type = 'Lock').  Nothing depends on sleeping "long enough":
# the tests wait for states they can observe (pg_stat_activity, pg_locks,
# nginx's stub_status, process titles) with generous deadlines. The only
# timings that matter are the module's own timeouts (1 s and more), which
# the checks on ordering ("C is refused while B still waits") leave far
# apart.
#
# Several blocks need concurrent requests, which Test::Nginx cannot send:
# their --- init opens raw sockets to nginx (T040::send_get) and checks
# the answers with Test::More; the block's own request then shows that
# everything works again afterwards.
#
# Two blocks stop PostgreSQL; it is always started again, also when a
# block fails or dies (the blocks themselves, the last block, and the END
# block, through T040::ensure_pg_up).
use strict;
use warnings;
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

use File::Temp ();
use IO::Select ();
use IO::Socket::INET ();
use IO::Socket::UNIX ();
use Socket qw(SOCK_STREAM);
use POSIX ();
use Time::HiRes ();

no_shuffle();
workers(1);
master_on();    # the reload block signals the master

# Same as oz_setup(), plus stub_status: its "Writing" count tells when
# nginx has taken a request in and parked it (waiting for the database).
# Blocks give the pool settings in their own --- http_config.
oz_setup(
    apis   => ['autorisaties'],
    server => "location = /oz-status { stub_status; }\n",
);

add_block_preprocessor(sub {
    my $block = shift;
    if (!defined $block->no_error_log) {
        $block->set_value(no_error_log => "[alert]\n[emerg]\n[crit]");
    }
});

#------------------------------------------------------------------------
# helpers (fully qualified: --- init code may run in another package)
#------------------------------------------------------------------------

# The blocks give the module an application_name of their own, so that
# backends of any other nginx on the same cluster (an earlier test file's,
# still exiting) are not counted. TEST 1 checks the module's default.
our $APP = 'oz_t040';
our $LIST = '/autorisaties/api/v1/applicaties';

sub T040::port {
    return OZ::Test::oz_port();
}

sub T040::auth {
    return OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret');
}

# A fresh database with one superuser client (and no lock left over by a
# block that failed half-way).
sub T040::setup_client {
    T040::unlock_table();
    T040::unlock_prepared();
    OZ::Test::oz_reset();
    OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
}

# psql as the superuser (TEST_NGINX_OZ_DB_ADMIN, database postgres: only
# cluster-wide things happen there).
sub T040::admin_psql {
    my ($sql) = @_;
    local $ENV{TEST_NGINX_OZ_DB} = $ENV{TEST_NGINX_OZ_DB_ADMIN}
        // die "TEST_NGINX_OZ_DB_ADMIN is not set\n";
    return OZ::Test::oz_psql($sql);
}

# Polls $cond every 20 ms until it returns true; dies after $secs.
sub T040::wait_for {
    my ($what, $secs, $cond) = @_;
    my $deadline = Time::HiRes::time() + $secs;
    for (;;) {
        my $v = $cond->();
        return $v if $v;
        die "timed out after ${secs}s waiting for $what\n"
            if Time::HiRes::time() > $deadline;
        Time::HiRes::sleep(0.02);
    }
}

# The module's backends: [pid, state, wait_event_type, query]. As the
# superuser, who sees the details of every role's sessions.
sub T040::backends {
    local $ENV{TEST_NGINX_OZ_DB} = $ENV{TEST_NGINX_OZ_DB_ADMIN};
    return OZ::Test::oz_psql_rows(
        "SELECT pid, state, coalesce(wait_event_type, ''),"
        . " replace(left(query, 60), '|', '/') FROM pg_stat_activity"
        . " WHERE application_name = '$main::APP' ORDER BY pid");
}

sub T040::backends_waiting_on_lock {
    return scalar grep { $_->[2] eq 'Lock' } T040::backends();
}

# --- raw HTTP ----------------------------------------------------------

# Opens a connection and sends "GET $path" (Connection: close). Returns
# the socket; read the answer with T040::read_response.
sub T040::send_get {
    my ($path, @headers) = @_;
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => T040::port(),
                                     Proto => 'tcp', Timeout => 5)
        or die "cannot connect to nginx: $@\n";
    binmode $sock;
    my $req = "GET $path HTTP/1.1\r\nHost: localhost\r\n"
        . "Connection: close\r\n" . join('', map { "$_\r\n" } @headers)
        . "\r\n";
    syswrite($sock, $req) == length $req or die "short write: $!\n";
    return $sock;
}

# Nothing has come back on $sock yet (no answer, no close).
sub T040::pending {
    my ($sock) = @_;
    return !IO::Select->new($sock)->can_read(0);
}

# Reads until nginx closes the connection. Returns { status, headers,
# body }, or undef when nothing complete came within $timeout seconds.
sub T040::read_response {
    my ($sock, $timeout) = @_;
    my $sel = IO::Select->new($sock);
    my $deadline = Time::HiRes::time() + $timeout;
    my $buf = '';
    for (;;) {
        my $left = $deadline - Time::HiRes::time();
        return undef if $left <= 0 || !$sel->can_read($left);
        my $n = sysread $sock, $buf, 65536, length $buf;
        last if !$n;
    }
    close $sock;
    my ($head, $body) = split /\r\n\r\n/, $buf, 2;
    my @lines = split /\r\n/, $head // '';
    my ($status) = (shift(@lines) // '') =~ m{^HTTP/\d\.\d (\d{3})};
    my %h = map { /^([^:]+):\s*(.*)$/ ? (lc $1 => $2) : () } @lines;
    return { status => $status // 0, headers => \%h, body => $body // '' };
}

sub T040::get {
    my ($path, $timeout, @headers) = @_;
    my $res = T040::read_response(T040::send_get($path, @headers),
                                  $timeout // 5);
    die "no answer to GET $path within " . ($timeout // 5) . "s\n"
        unless $res;
    return $res;
}

# The problem code of an answer ('' when it is no problem document).
sub T040::code {
    my ($res) = @_;
    return '' unless $res && $res->{body} =~ /"code"\s*:\s*"([^"]*)"/;
    return $1;
}

# An overloaded pool: a 503 that says the server is busy (not that the
# database is down) and tells the client when to come back.
sub T040::is_busy {
    my ($res, $what) = @_;
    T040::is_503($res, $what);
    Test::More::like($res && $res->{body} // '',
                     qr/"detail":"De server is op dit moment te druk; probeer/,
                     "$what: the server is busy");
    Test::More::is($res && $res->{headers}{'retry-after'}, '1',
                   "$what: Retry-After: 1");
}

# The lines of the error log that match $re.
sub T040::log_lines {
    my ($re) = @_;
    my $root = $ENV{TEST_NGINX_SERVROOT} || 't/servroot';
    open my $fh, '<', "$root/logs/error.log" or return ();
    return grep { /$re/ } <$fh>;
}

sub T040::is_503 {
    my ($res, $what) = @_;
    Test::More::is($res && $res->{status}, 503, "$what: status 503");
    Test::More::is(T040::code($res), 'service_unavailable',
                   "$what: code service_unavailable");
    Test::More::like($res && $res->{headers}{'content-type'} // '',
                     qr{^application/problem\+json}, "$what: problem+json");
}

# "Writing" of stub_status: requests nginx has read and not yet answered,
# the status request itself included.
sub T040::writing {
    my $res = T040::get('/oz-status');
    $res->{body} =~ /Writing:\s*(\d+)/ or die "no stub_status: $res->{body}\n";
    return $1;
}

sub T040::wait_writing {
    my ($n) = @_;
    T040::wait_for("$n request(s) in nginx", 5,
                   sub { T040::writing() == $n });
}

# --- nginx processes ------------------------------------------------------

sub T040::master_pid {
    my $root = $ENV{TEST_NGINX_SERVROOT} || 't/servroot';
    open my $fh, '<', "$root/logs/nginx.pid" or die "no nginx.pid: $!\n";
    my $pid = <$fh>;
    $pid =~ /^(\d+)/ or die "bad nginx.pid\n";
    return $1;
}

sub T040::children {
    my ($ppid) = @_;
    my @pids;
    for my $stat (glob '/proc/[0-9]*/stat') {
        open my $fh, '<', $stat or next;
        my $text = <$fh> // next;
        push @pids, $1 if $text =~ /^(\d+) \(.*\) \S+ (\d+) / && $2 == $ppid;
    }
    return @pids;
}

# The process title ('' once the process is gone or a zombie).
sub T040::cmdline {
    my ($pid) = @_;
    open my $fh, '<', "/proc/$pid/cmdline" or return '';
    local $/;
    my $c = <$fh> // '';
    $c =~ tr/\0/ /;
    return $c;
}

# --- the lock ----------------------------------------------------------

our ($LockPid, $LockFh);

# Starts psql (role openzaak, which owns the table) in a transaction that
# holds an ACCESS EXCLUSIVE lock on autorisaties.applicatie, and waits
# until the lock is granted. idle_in_transaction_session_timeout ends it
# by itself should this test process vanish without releasing it.
sub T040::lock_table {
    die "lock already held\n" if $main::LockPid;
    pipe(my $r, my $w) or die "pipe: $!\n";
    my $pid = fork // die "fork: $!\n";
    if (!$pid) {
        close $w;
        POSIX::dup2(fileno $r, 0) or POSIX::_exit(126);
        open STDOUT, '>', '/dev/null';
        open STDERR, '>', '/dev/null';  # e.g. when a block stops the server
        { exec 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1',
               $ENV{TEST_NGINX_OZ_DB}; }
        POSIX::_exit(127);
    }
    close $r;
    $w->autoflush(1);
    ($main::LockPid, $main::LockFh) = ($pid, $w);
    print {$w} "SET application_name = 'oz_test_locker';\n"
             . "SET idle_in_transaction_session_timeout = '60s';\n"
             . "BEGIN;\n"
             . "LOCK TABLE autorisaties.applicatie IN ACCESS EXCLUSIVE MODE;\n";
    T040::wait_for('the table lock', 10, sub {
        OZ::Test::oz_psql(
            "SELECT count(*) FROM pg_locks WHERE relation ="
            . " 'autorisaties.applicatie'::regclass"
            . " AND mode = 'AccessExclusiveLock' AND granted") == 1
    });
}

# Commits the lock transaction and reaps psql.
sub T040::unlock_table {
    my $pid = $main::LockPid or return;
    # psql may be gone already (the server was stopped): no SIGPIPE death
    local $SIG{PIPE} = 'IGNORE';
    print {$main::LockFh} "COMMIT;\n";
    close $main::LockFh;
    my $deadline = Time::HiRes::time() + 10;
    while (waitpid($pid, POSIX::WNOHANG()) == 0) {
        if (Time::HiRes::time() > $deadline) {
            kill 'KILL', $pid;
            waitpid $pid, 0;
            last;
        }
        Time::HiRes::sleep(0.02);
    }
    ($main::LockPid, $main::LockFh) = (undef, undef);
}

# The same lock held by a prepared transaction: it survives the end of the
# session and a stop of the server, so a statement waiting on it cannot
# win a race with the shutdown (a session's lock is released when the
# server terminates that session, maybe just before the waiting one).
sub T040::lock_prepared {
    OZ::Test::oz_psql("BEGIN;\n"
        . "LOCK TABLE autorisaties.applicatie IN ACCESS EXCLUSIVE MODE;\n"
        . "PREPARE TRANSACTION 't040_lock';\n");
}

sub T040::unlock_prepared {
    return unless T040::pg_is_up();
    OZ::Test::oz_psql("ROLLBACK PREPARED 't040_lock'")
        if OZ::Test::oz_psql("SELECT count(*) FROM pg_prepared_xacts"
                             . " WHERE gid = 't040_lock'");
}

# --- PostgreSQL up and down ---------------------------------------------

sub T040::pg_is_up {
    my $admin = $ENV{TEST_NGINX_OZ_DB_ADMIN} or return 1;
    my $pid = fork // die "fork: $!\n";
    if (!$pid) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>', '/dev/null';
        open STDERR, '>', '/dev/null';
        { exec 'psql', '-X', '-q', '-c', 'SELECT 1', "$admin connect_timeout=3"; }
        POSIX::_exit(127);
    }
    waitpid $pid, 0;
    return $? == 0;
}

sub T040::ensure_pg_up {
    OZ::Test::oz_pg_start() unless T040::pg_is_up();
}

# Whatever happened: release the lock, start PostgreSQL again.
END {
    my $status = $?;
    if ($main::LockPid) {
        kill 'TERM', $main::LockPid;
        waitpid $main::LockPid, 0;
    }
    eval { T040::ensure_pg_up(); T040::unlock_prepared(); 1 }
        or print STDERR "# could not start PostgreSQL again: $@";
    $? = $status;
}

# A "PostgreSQL server" that accepts connections (through the listen
# backlog) and never answers, for the connect timeout block.
our $SilentDir = File::Temp::tempdir('oz-silent-XXXXXX', TMPDIR => 1,
                                     CLEANUP => 1);
chmod 0755, $SilentDir;
our $Silent = IO::Socket::UNIX->new(Type => SOCK_STREAM, Listen => 16,
                                    Local => "$SilentDir/.s.PGSQL.5999")
    or die "cannot listen on $SilentDir/.s.PGSQL.5999: $!";
chmod 0777, "$SilentDir/.s.PGSQL.5999";

run_tests();

__DATA__

=== TEST 1: the pool works; backends are named ngx_openzaak by default
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_db_pool_size 2;
--- init
T040::setup_client();
Test::More::is(T040::get($main::LIST, 5, T040::auth())->{status}, 200,
               'a first request');
Test::More::cmp_ok(OZ::Test::oz_psql(
    "SELECT count(*) FROM pg_stat_activity"
    . " WHERE application_name = 'ngx_openzaak' AND datname = 'openzaak'"),
    '>=', 1, 'the default application_name is ngx_openzaak');
--- pipelined_requests eval
["GET $main::LIST", "GET $main::LIST", "GET $main::LIST"]
--- more_headers eval
T040::auth()
--- error_code eval
[(200) x 3]
--- json_subset
{"count": 1}



=== TEST 2: PostgreSQL stopped: 503 at once, not after the wait timeout
The connection attempt fails right away (no socket): the answer must not
wait for openzaak_db_wait_timeout (3 s), hence the 2 s client timeout.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_wait_timeout 3s;
--- init
T040::setup_client();
OZ::Test::oz_pg_stop();
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- timeout: 2
--- error_code: 503
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
!Retry-After
--- json_subset
{"code": "service_unavailable", "status": 503,
 "title": "De dienst is tijdelijk niet beschikbaar.",
 "detail": "De database is tijdelijk niet bereikbaar; probeer het later opnieuw.",
 "type": "/\\/ref\\/fouten\\/ServiceUnavailable\\/$/"}



=== TEST 3: PostgreSQL still stopped: every request is 503 at once
Repeated failures only grow the reconnect backoff; requests meanwhile
are answered without waiting.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_wait_timeout 3s;
--- init
die "PostgreSQL should still be stopped\n" if T040::pg_is_up();
--- pipelined_requests eval
["GET $main::LIST", "GET $main::LIST", "GET $main::LIST", "GET $main::LIST"]
--- more_headers eval
T040::auth()
--- timeout: 2
--- error_code eval
[(503) x 4]
--- json_subset
{"code": "service_unavailable"}



=== TEST 4: PostgreSQL stopped: answers without the database still work
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_wait_timeout 3s;
--- init
die "PostgreSQL should still be stopped\n" if T040::pg_is_up();
--- request eval
["GET /autorisaties/api/v1", "GET /autorisaties/api/v1/foo"]
--- timeout: 2
--- error_code eval
[200, 404]



=== TEST 5: PostgreSQL started again: the module reconnects by itself
One request every 100 ms until one succeeds (reconnect backoff is at most
2 s); the number of 503s before it is reported. The block's own request
must then succeed too.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_wait_timeout 3s;
--- init
# nginx must have seen the database down (a request, with backoff) before
# the restart; the previous blocks did that unless nginx was restarted.
T040::get($main::LIST, 3, T040::auth());
OZ::Test::oz_pg_start();
my $t0 = Time::HiRes::time();
my ($tries, $res) = (0, undef);
while (Time::HiRes::time() - $t0 < 10) {
    $tries++;
    $res = T040::get($main::LIST, 5, T040::auth());
    last if $res->{status} == 200;
    Test::More::is($res->{status}, 503, "while reconnecting: 503 (try $tries)");
    Time::HiRes::sleep(0.1);
}
Test::More::is($res->{status}, 200, 'a request succeeds after the restart');
Test::More::diag(sprintf "recovery after the restart: %d request(s), %.2fs",
                 $tries, Time::HiRes::time() - $t0);
Test::More::cmp_ok(Time::HiRes::time() - $t0, '<', 5,
                   'recovered within 5 s (backoff is capped at 2 s)');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 6: PostgreSQL stopped while a query runs: 503, then recovery
The table is locked and a request waits for the lock when the server is
shut down ("fast": every session is terminated, with an error message
before the connection closes). The request must get a 503 (the database
went away), not a 500 and not a hang until some timeout; after the
restart requests succeed again.  The lock is a prepared transaction's,
which the shutdown does not release (with a session's lock the waiting
statement could get it and finish first: a flaky 200).
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_wait_timeout 3s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_prepared();
my $s = T040::send_get($main::LIST, $auth);
T040::wait_for('the request waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
OZ::Test::oz_pg_stop();
my $res = T040::read_response($s, 5);
T040::is_503($res, 'server shut down during the query');
OZ::Test::oz_pg_start();
T040::unlock_prepared();
my $t0 = Time::HiRes::time();
my $tries = 0;
do {
    $tries++;
    $res = T040::get($main::LIST, 5, $auth);
    Time::HiRes::sleep(0.1) if $res->{status} != 200;
} while ($res->{status} != 200 && Time::HiRes::time() - $t0 < 10);
Test::More::is($res->{status}, 200, 'a request succeeds after the restart');
Test::More::diag(sprintf "recovery after the restart: %d request(s), %.2fs",
                 $tries, Time::HiRes::time() - $t0);
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 7: pool and queue full: 503 at once; queued: 503 after the wait timeout
One worker, one connection, a queue of one, 1 s wait timeout. With the
table locked:
  A takes the only connection and waits for the lock (seen in
    pg_stat_activity);
  B finds no free connection and waits in the queue (seen as a third
    "Writing" request in stub_status: A, B and the status request);
  C finds the queue full: 503 at once, while A and B are still waiting;
  B: 503 when its 1 s wait timeout passes, while A still waits;
  A: 200 once the lock is released; and then everything works again.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_queue 1;
openzaak_db_wait_timeout 1s;
--- init
T040::setup_client();
my $auth = T040::auth();
# one connection in the pool, idle, and the client in the auth cache
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $a = T040::send_get($main::LIST, $auth);
T040::wait_for('request A waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
my $b = T040::send_get($main::LIST, $auth);
T040::wait_writing(3);
my $c = T040::send_get($main::LIST, $auth);
T040::is_busy(T040::read_response($c, 5), 'C (queue full)');
Test::More::ok(T040::pending($b), 'B is still waiting when C is refused');
Test::More::ok(T040::pending($a), 'A is still waiting when C is refused');
T040::is_busy(T040::read_response($b, 5), 'B (wait timeout)');
Test::More::ok(T040::pending($a), 'A is still waiting when B times out');
T040::unlock_table();
my $ra = T040::read_response($a, 5);
Test::More::is($ra && $ra->{status}, 200, 'A: 200 after the lock is released');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}
--- error_log
openzaak: server busy, request refused: all 1 database connections busy and 1 requests waiting
openzaak: no database connection became free in time: all 1 database connections busy



=== TEST 8: clients that go away while their query waits leak nothing
Pool of one. With the table locked, A runs (waits for the lock), B and C
wait in the queue. A and B close their connections. nginx must notice
(stub_status: only C and the status request left), drop B from the
queue and let A's query finish on the server without a request. After
the lock is released, C and a request D sent meanwhile are answered, and
the module holds no more than pool size + 1 (LISTEN) backends.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_queue 8;
openzaak_db_wait_timeout 10s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $a = T040::send_get($main::LIST, $auth);
T040::wait_for('request A waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
my $b = T040::send_get($main::LIST, $auth);
my $c = T040::send_get($main::LIST, $auth);
T040::wait_writing(4);
close $a;
close $b;
T040::wait_writing(2);
my $d = T040::send_get($main::LIST, $auth);
T040::wait_writing(3);
Test::More::is(T040::backends_waiting_on_lock(), 1,
               "A's statement still waits on the server");
T040::unlock_table();
for my $x ([C => $c], [D => $d]) {
    my $res = T040::read_response($x->[1], 5);
    Test::More::is($res && $res->{status}, 200,
                   "$x->[0]: 200 after the lock is released");
}
my @b = T040::backends();
Test::More::cmp_ok(scalar(@b), '<=', 2,
                   'at most pool size + 1 backends')
    or Test::More::diag(join "\n", map { join ' | ', @$_ } @b);
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 9: the same with a larger pool: all running queries abandoned
Three connections, three requests running (all waiting for the lock),
all three clients go away. Afterwards the pool serves again and holds at
most 3 + 1 backends.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 3;
openzaak_db_wait_timeout 10s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my @s = map { T040::send_get($main::LIST, $auth) } 1 .. 3;
T040::wait_for('three requests waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 3 });
close $_ for @s;
T040::wait_writing(1);
T040::unlock_table();
T040::wait_for('no backend waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 0 });
my @res = map { T040::read_response($_, 5) }
          map { T040::send_get($main::LIST, $auth) } 1 .. 4;
Test::More::is(join(' ', map { $_ ? $_->{status} : 'none' } @res),
               '200 200 200 200', 'four requests afterwards: 200');
my @b = T040::backends();
Test::More::cmp_ok(scalar(@b), '<=', 4, 'at most pool size + 1 backends')
    or Test::More::diag(join "\n", map { join ' | ', @$_ } @b);
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200



=== TEST 10: openzaak_db_queue 0: no waiting for a busy pool, but connections are opened
A queue of 0 means a request never waits for a connection another
request holds. It must still be served when a connection can be opened
(the pool starts empty, and idle connections time out), and be refused
at once only when every connection is busy.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_queue 0;
openzaak_db_wait_timeout 10s;
--- init
T040::setup_client();
my $auth = T040::auth();
my $first = T040::get($main::LIST, 5, $auth);
Test::More::is($first->{status}, 200, 'the first request (empty pool): 200')
    or Test::More::diag($first->{body});
if ($first->{status} == 200) {
    T040::lock_table();
    my $a = T040::send_get($main::LIST, $auth);
    T040::wait_for('request A waiting for the lock', 5,
                   sub { T040::backends_waiting_on_lock() == 1 });
    T040::is_busy(T040::get($main::LIST, 5, $auth), 'B (the connection is busy)');
    Test::More::ok(T040::pending($a), 'A is still waiting when B is refused');
    T040::unlock_table();
    my $ra = T040::read_response($a, 5);
    Test::More::is($ra && $ra->{status}, 200, 'A: 200 after the lock is released');
}
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200



=== TEST 11: overload is logged once a second with a count, not once a request
One connection, no queue, the table locked: A holds the connection, then
200 more requests are refused at once.  Each is a busy 503; the error
log gets one line for the first and, a second later, one line with the
count of the rest (it used to get one line each: 115,000 lines in 10 s
at 600 connections).
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_queue 0;
openzaak_db_wait_timeout 10s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $a = T040::send_get($main::LIST, $auth);
T040::wait_for('request A waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
# what earlier blocks left in the log does not count
my $skip = () = T040::log_lines(qr/./);
my @res = map { T040::get($main::LIST, 5, $auth) } 1 .. 200;
Test::More::is(scalar(grep { $_->{status} == 503
                             && $_->{body} =~ /te druk/
                             && ($_->{headers}{'retry-after'} // '') eq '1' }
                      @res),
               200, 'all 200: a busy 503 with Retry-After');
T040::wait_for('the line with the count', 5, sub {
    my @l = T040::log_lines(qr/./);
    return grep { /server busy, request refused: \d+ more times/ }
                @l[$skip .. $#l];
});
my @new = T040::log_lines(qr/./);
@new = @new[$skip .. $#new];
my @busy = grep { /openzaak: server busy, request refused/ } @new;
my ($single, $counted) = (0, 0);
for (@busy) {
    if (/refused: (\d+) more times/) {
        $counted += $1;
    } else {
        $single++;
    }
}
Test::More::cmp_ok(scalar(@busy), '<=', 20,
                   'at most a few lines for 200 refusals (got '
                   . scalar(@busy) . ')');
Test::More::is($single + $counted, 200,
               'the lines and their counts add up to 200 refusals');
T040::unlock_table();
my $ra = T040::read_response($a, 5);
Test::More::is($ra && $ra->{status}, 200, 'A: 200 after the lock is released');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200



=== TEST 12: a burst larger than the pool: all served once the lock is gone
Pool of two, ten requests at once while the table is locked: two run,
eight wait in the queue; after the lock is released all ten get 200 and
no more than pool size + 1 backends exist.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 2;
openzaak_db_queue 16;
openzaak_db_wait_timeout 10s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my @s = map { T040::send_get($main::LIST, $auth) } 1 .. 10;
T040::wait_writing(11);
T040::wait_for('two requests waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 2 });
T040::unlock_table();
my @res = map { T040::read_response($_, 5) } @s;
Test::More::is(join(' ', map { $_ ? $_->{status} : 'none' } @res),
               join(' ', (200) x 10), 'all ten: 200');
my @b = T040::backends();
Test::More::cmp_ok(scalar(@b), '<=', 3, 'at most pool size + 1 backends')
    or Test::More::diag(join "\n", map { join ' | ', @$_ } @b);
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200



=== TEST 13: the server refuses more connections: the ones there serve everyone
nginx connects as a role limited to 2 connections (the LISTEN connection
takes one), with a pool of 4. Four requests arrive while the table is
locked: one runs, three wait; further connection attempts fail ("too
many connections"). After the lock is released all four are served, one
after the other, by the connection that exists.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB user=oz_t040_limited application_name=oz_t040";
openzaak_db_pool_size 4;
openzaak_db_wait_timeout 10s;
--- init
T040::admin_psql(<<'_SQL_');
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'oz_t040_limited') THEN
        CREATE ROLE oz_t040_limited LOGIN;
    END IF;
END $$;
ALTER ROLE oz_t040_limited CONNECTION LIMIT 2;
GRANT openzaak TO oz_t040_limited;
_SQL_
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my @s = map { T040::send_get($main::LIST, $auth) } 1 .. 4;
T040::wait_writing(5);
T040::wait_for('one request waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
T040::unlock_table();
my @res = map { T040::read_response($_, 8) } @s;
Test::More::is(join(' ', map { $_ ? $_->{status} : 'none' } @res),
               '200 200 200 200', 'all four: 200');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- error_log
too many connections for role



=== TEST 14: query timeout: 503, and nothing is left waiting on the server
openzaak_db_query_timeout 1s with the table locked: the request gets a
503 saying the database did not answer in time. Two mechanisms race
here: the module's own timer (it closes the connection) and the
server's statement_timeout (set to the same value on every connection:
the statement is cancelled, SQLSTATE 57014). Either way the answer is
this 503, and no backend may still wait for the lock afterwards, while
the lock is still held. A request afterwards works.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_query_timeout 1s;
openzaak_db_wait_timeout 5s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $s = T040::send_get($main::LIST, $auth);
T040::wait_for('the request waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
my $res = T040::read_response($s, 5);
T040::is_503($res, 'query timeout (whichever side first)');
Test::More::like($res && $res->{body}, qr/niet op tijd/,
                 'query timeout (whichever side first): detail says too slow');
T040::wait_for('no backend waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 0 });
Test::More::pass('no backend waits for the lock any more (lock still held)');
T040::unlock_table();
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 15: query timeout of the module: connection closed, server cancels too
The backend is frozen (SIGSTOP) while its statement waits for the lock,
so the module's 1 s timer certainly fires first: 503, and the module
closes the connection. When the backend runs again, only its
statement_timeout can end the statement: it must then go away, while
the lock is still held. A new connection serves the next request.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_query_timeout 1s;
openzaak_db_wait_timeout 5s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $s = T040::send_get($main::LIST, $auth);
T040::wait_for('the request waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
my ($busy) = map { $_->[0] } grep { $_->[2] eq 'Lock' } T040::backends();
kill('STOP', $busy) or die "cannot stop backend $busy: $!
";
my $res = eval { T040::read_response($s, 5) };
kill 'CONT', $busy;
T040::is_503($res, 'query timeout (module first)');
Test::More::like($res && $res->{body}, qr/niet op tijd/,
                 'query timeout (module first): detail says too slow');
T040::wait_for("backend $busy gone", 5, sub {
    !grep { $_->[0] == $busy } T040::backends()
});
Test::More::pass("backend $busy is gone while the lock is still held");
T040::unlock_table();
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}
--- error_log
query timed out, closing the connection



=== TEST 16: a query timeout hands the pool slot to the next waiter
Pool of one: A runs (waits for the lock), B waits in the queue. A's
query times out (503); the lock is released right after, and B must be
served (on a new connection, or on the old one if the server cancelled
the statement first).
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_query_timeout 1s;
openzaak_db_wait_timeout 10s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $a = T040::send_get($main::LIST, $auth);
T040::wait_for('request A waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
my $b = T040::send_get($main::LIST, $auth);
T040::wait_writing(3);
my $ra = T040::read_response($a, 5);
T040::unlock_table();
T040::is_503($ra, 'A (query timeout)');
my $rb = T040::read_response($b, 5);
Test::More::is($rb && $rb->{status}, 200, 'B: served after A timed out');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200



=== TEST 17: a statement cancelled by the server is a 503, not a 500
pg_cancel_backend() while the statement waits for the lock: the server
ends it with SQLSTATE 57014 (as statement_timeout does). The database is
there, the statement just did not finish: 503. The connection stays
usable.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $s = T040::send_get($main::LIST, $auth);
T040::wait_for('the request waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
T040::admin_psql("SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
                 . " WHERE application_name = '$main::APP'"
                 . " AND wait_event_type = 'Lock'");
my $res = T040::read_response($s, 5);
T040::unlock_table();
T040::is_503($res, 'cancelled statement');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 18: backends killed by the server between requests: next request succeeds
Every backend of the module (pool and LISTEN) is terminated after a
first request; once they are gone, the next request must succeed on a
new connection (nginx notices the closed idle connections).
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 2;
--- init
T040::setup_client();
Test::More::is(T040::get($main::LIST, 5, T040::auth())->{status}, 200,
               'warm-up');
my @old = map { $_->[0] } T040::backends();
T040::admin_psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                 . " WHERE application_name = '$main::APP'");
T040::wait_for('the terminated backends to be gone', 5, sub {
    my %now = map { $_->[0] => 1 } T040::backends();
    !grep { $now{$_} } @old;
});
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 19: backends killed right before a request: at most one 503, then success
The request follows pg_terminate_backend() at once: nginx may not have
seen the connections close yet. The request may fail (503, never 500),
the next one must succeed.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
--- init
T040::setup_client();
my $auth = T040::auth();
for my $round (1 .. 5) {
    Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200,
                   "round $round: warm-up");
    T040::admin_psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     . " WHERE application_name = '$main::APP'");
    my $res = T040::get($main::LIST, 5, $auth);
    if ($res->{status} != 200) {
        Test::More::diag("round $round: first request after the kill: "
                         . "$res->{status} " . T040::code($res));
        T040::is_503($res, "round $round: first request after the kill");
    }
    Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200,
                   "round $round: the next request succeeds");
}
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200



=== TEST 20: LISTEN connection killed: a change made meanwhile is seen
The client is in the worker's authorisation cache. Its LISTEN backend
is terminated, and while the notification channel is down the client's
secret changes. The old token must not be accepted any more (the cache
may not be trusted without the channel); the new one works.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
--- init
T040::setup_client();
Test::More::is(T040::get($main::LIST, 5, T040::auth())->{status}, 200,
               'warm-up: the client is cached');
my @listen = map { $_->[0] } grep { $_->[3] =~ /^LISTEN/ } T040::backends();
Test::More::is(scalar(@listen), 1, 'one LISTEN backend');
T040::admin_psql("SELECT pg_terminate_backend($listen[0])");
T040::wait_for('the LISTEN backend to be gone', 5, sub {
    !grep { $_->[0] == $listen[0] } T040::backends()
});
OZ::Test::oz_psql("UPDATE autorisaties.jwt_secret SET secret = 'changed'"
                  . " WHERE client_id = 'super'");
my $res = T040::get($main::LIST, 5, T040::auth());
Test::More::is($res->{status}, 403, 'the old secret is refused');
--- request eval
"GET $main::LIST"
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 'changed')
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 21: reload while a query runs: the request is answered
nginx is reloaded (HUP) while a request waits for the lock. The old
worker shuts down gracefully: it must finish the request in flight
before it exits, even though only the database connection (whose timers
are cancelable) is active. Checked once the old worker shows it is
shutting down (process title) or has exited.
--- skip_eval: 4: $ENV{TEST_NGINX_USE_VALGRIND}
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
my $master = T040::master_pid();
my @old = T040::children($master);
T040::lock_table();
my $s = T040::send_get($main::LIST, $auth);
T040::wait_for('the request waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
kill 'HUP', $master or die "cannot signal nginx $master: $!\n";
T040::wait_for('the old worker shutting down', 10, sub {
    # its title says so, or it is gone already ('')
    !grep { T040::cmdline($_) !~ /shutting down|^$/ } @old
});
Test::More::ok(T040::pending($s), 'the request is still waiting');
T040::unlock_table();
my $res = T040::read_response($s, 5);
Test::More::is($res && $res->{status}, 200,
               'the request in flight is answered after the reload');
T040::wait_for('the old worker to exit', 10, sub {
    !grep { T040::cmdline($_) ne '' } @old
});
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200



=== TEST 22: idle timeout: the idle connection is closed, a new one is made
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_idle_timeout 500ms;
--- init
T040::setup_client();
Test::More::is(T040::get($main::LIST, 5, T040::auth())->{status}, 200,
               'warm-up');
my @pool = map { $_->[0] } grep { $_->[3] !~ /^LISTEN/ } T040::backends();
Test::More::is(scalar(@pool), 1, 'one pool backend after a request');
T040::wait_for('the idle connection to be closed', 5, sub {
    my %now = map { $_->[0] => 1 } T040::backends();
    !grep { $now{$_} } @pool;
});
Test::More::pass('the idle pool connection was closed by the module');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 23: max lifetime: an idle connection older than it is replaced
openzaak_db_max_lifetime 1s, well below the idle timeout (60 s): the
connection of the warm-up goes when its second is over, and the request
gets a new one.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_idle_timeout 60s;
openzaak_db_max_lifetime 1s;
--- init
T040::setup_client();
Test::More::is(T040::get($main::LIST, 5, T040::auth())->{status}, 200,
               'warm-up');
my @pool = map { $_->[0] } grep { $_->[3] !~ /^LISTEN/ } T040::backends();
Test::More::is(scalar(@pool), 1, 'one pool backend after a request');
T040::wait_for('the old connection to be closed', 5, sub {
    my %now = map { $_->[0] => 1 } T040::backends();
    !grep { $now{$_} } @pool;
});
Test::More::pass('the pool connection was closed at the end of its lifetime');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}
--- error_log
openzaak pg: retire, max lifetime reached



=== TEST 24: max lifetime: a busy connection finishes its statements first
The request's statements wait on a lock for longer than the lifetime
(1 s): the connection is not closed under them; the request is answered,
and the connection is closed after it, when it becomes idle.
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
openzaak_db_pool_size 1;
openzaak_db_max_lifetime 1s;
--- init
T040::setup_client();
my $auth = T040::auth();
Test::More::is(T040::get($main::LIST, 5, $auth)->{status}, 200, 'warm-up');
T040::lock_table();
my $s = T040::send_get($main::LIST, $auth);
T040::wait_for('the request waiting for the lock', 5,
               sub { T040::backends_waiting_on_lock() == 1 });
my ($busy) = map { $_->[0] } grep { $_->[2] eq 'Lock' } T040::backends();
Time::HiRes::sleep(1.5);
Test::More::ok(T040::pending($s), 'still waiting after its lifetime');
Test::More::ok((grep { $_->[0] == $busy } T040::backends()),
               'its backend is still there');
T040::unlock_table();
my $res = T040::read_response($s, 5);
Test::More::is($res && $res->{status}, 200, '200 after the lock is released');
T040::wait_for('the connection to be closed after the answer', 5, sub {
    !grep { $_->[0] == $busy } T040::backends();
});
Test::More::pass('the connection past its lifetime was closed once idle');
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
--- json_subset
{"count": 1}
--- error_log
openzaak pg: retire, max lifetime reached



=== TEST 25: a server that accepts but never answers: connect timeout, 503
openzaak_db points at a unix socket of this test that accepts connections
and never says anything. openzaak_db_connect_timeout (1 s) must end the
attempt before the wait timeout (5 s): 503 within the 3 s client timeout.
--- http_config eval
"openzaak_db \"host=$main::SilentDir port=5999 dbname=x user=x\";\n"
. "openzaak_db_connect_timeout 1s;\n"
. "openzaak_db_wait_timeout 5s;\n"
--- init
T040::setup_client();
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- timeout: 3
--- error_code: 503
--- json_subset
{"code": "service_unavailable"}
--- error_log
connecting timed out



=== TEST 26: PostgreSQL is running at the end
--- init
T040::unlock_table();
T040::ensure_pg_up();
Test::More::ok(T040::pg_is_up(), 'PostgreSQL runs');
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB application_name=oz_t040";
--- request eval
"GET $main::LIST"
--- more_headers eval
T040::auth()
--- error_code: 200
