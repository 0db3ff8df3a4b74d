package Test::Nginx::Socket;

# A small re-implementation of the parts of Test::Nginx::Socket
# (openresty/test-nginx) that this project's tests use.
#
# The real module lives on CPAN, which our machines cannot reach; this one
# is built on Debian's Test::Base (libtest-base-perl) and core Perl only.
# The .t files must run unchanged under both, so everything here follows
# the real module's interface: same exported functions, same sections,
# same nginx.conf layout, same test descriptions where practical.
# See docs/testing.md for the supported subset.

use strict;
use warnings;

# "-base" (lower case) makes us a Test::Base subclass without Spiffy's
# source filter; Test::Base's exports (blocks, is, like, plan, ...) are
# re-exported to the test scripts by Spiffy's import.
use Test::Base -base;

use Cwd ();
use Errno ();
use File::Path ();
use File::Spec ();
use IO::Select ();
use IO::Socket::INET ();
use POSIX ();
use Time::HiRes ();

our $VERSION = '0.1';

our @EXPORT = qw(
    run_tests run_test
    repeat_each no_shuffle no_long_string no_root_location
    log_level master_on master_off master_process_enabled
    workers worker_connections config_preamble timeout
    add_block_preprocessor add_response_body_check add_cleanup_handler
    env_to_nginx server_addr server_port server_port_for_client
    server_root html_dir no_nginx_manager is_running is_str
    bail_out error_log_data
);

#------------------------------------------------------------------------
# Settings (the same defaults as the real module)
#------------------------------------------------------------------------

our $RepeatEach           = 1;
our $LogLevel             = 'debug';
our $MasterProcessEnabled = 'on';
our $DaemonEnabled        = 'on';
our $Workers              = 1;
our $WorkerConnections    = 64;
our $NoRootLocation       = 0;
our $NoLongString         = 0;
our $NoNginxManager       = 0;
our $ConfigPreamble       = '';
our $Timeout              = $ENV{TEST_NGINX_TIMEOUT} || 3;
our @EnvToNginx;
our @BlockPreprocessors;
our @ResponseBodyChecks;
our @CleanupHandlers;

our $UseValgrind = $ENV{TEST_NGINX_USE_VALGRIND} ? 1 : 0;

# Everything is slower under valgrind: request timeouts, waits for the
# port and for shutdown are multiplied by this factor.
our $SlowFactor = $UseValgrind ? 5 : 1;

# An nginx built with AddressSanitizer/UndefinedBehaviorSanitizer (make
# test-asan) writes its reports to files in this directory (the runtime's
# log_path option, set by .ci/test-asan). A new file fails the block during
# which it appeared, or, for leaks reported at exit, the nginx instance.
our $SanitizerLogDir = $ENV{TEST_NGINX_SANITIZER_LOG_DIR};

our $ServerAddr = '127.0.0.1';
our $ServerName = 'localhost';
our $ServerPort = $ENV{TEST_NGINX_SERVER_PORT} || $ENV{TEST_NGINX_PORT}
    || 1984;

# As in the real module: $ServerPort is what nginx listens on (it may be
# "127.0.0.1:1984" to keep the server off other interfaces), the client
# connects to $ServerPortForClient; TEST_NGINX_REUSE_PORT adds reuseport.
our $ServerPortForClient = $ENV{TEST_NGINX_CLIENT_PORT} || $ServerPort;
our $ReusePort = $ENV{TEST_NGINX_REUSE_PORT};

our $ServRoot = File::Spec->rel2abs($ENV{TEST_NGINX_SERVROOT}
    || File::Spec->catdir(Cwd::cwd(), 't', 'servroot'));
$ServRoot =~ s{/+$}{};

our $HtmlDir    = "$ServRoot/html";
our $LogDir     = "$ServRoot/logs";
our $ConfDir    = "$ServRoot/conf";
our $ConfFile   = "$ConfDir/nginx.conf";
our $ErrLogFile = "$LogDir/error.log";
our $AccLogFile = "$LogDir/access.log";
our $PidFile    = "$LogDir/nginx.pid";
our $StderrFile = "$LogDir/nginx-stderr.log";

our @TempDirs = qw(client_body_temp proxy_temp fastcgi_temp uwsgi_temp
                   scgi_temp);

# The configs may refer to these, as with the real module.
$ENV{TEST_NGINX_SERVER_PORT} //= $ServerPort;
$ENV{TEST_NGINX_SERVROOT}    = $ServRoot;
$ENV{TEST_NGINX_HTML_DIR}    = $HtmlDir;

our $NginxBinary = find_nginx_binary();

#------------------------------------------------------------------------
# Exported settings functions
#------------------------------------------------------------------------

sub repeat_each (@) {
    $RepeatEach = shift if @_;
    return $RepeatEach;
}

sub no_shuffle () { }    # blocks always run in file order here

sub no_long_string () { $NoLongString = 1 }

sub no_root_location () { $NoRootLocation = 1 }

sub log_level (@) {
    $LogLevel = shift if @_;
    return $LogLevel;
}

sub master_process_enabled (@) {
    $MasterProcessEnabled = $_[0] ? 'on' : 'off' if @_;
    return $MasterProcessEnabled eq 'on';
}

sub master_on ()  { $MasterProcessEnabled = 'on' }
sub master_off () { $MasterProcessEnabled = 'off' }

sub workers (@) {
    $Workers = shift if @_;
    return $Workers;
}

sub worker_connections (@) {
    $WorkerConnections = shift if @_;
    return $WorkerConnections;
}

sub config_preamble (@) {
    $ConfigPreamble = shift if @_;
    return $ConfigPreamble;
}

sub timeout (@) {
    $Timeout = shift if @_;
    return $Timeout;
}

sub no_nginx_manager () { $NoNginxManager = 1 }

sub env_to_nginx (@) { push @EnvToNginx, @_ }

# the last one added runs first, as in the real module
sub add_block_preprocessor (&) { unshift @BlockPreprocessors, shift }

sub add_response_body_check (&) { push @ResponseBodyChecks, shift }

sub add_cleanup_handler (&) { push @CleanupHandlers, shift }

sub server_addr ()            { $ServerAddr }
sub server_port ()            { $ServerPort }
sub server_port_for_client () { $ServerPortForClient }
sub server_root ()            { $ServRoot }
sub html_dir ()               { $HtmlDir }

sub is_str ($$;$) {
    my ($got, $expected, $desc) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    return is($got, $expected, $desc);
}

sub bail_out (@) {
    shutdown_nginx_quietly();
    Test::More::BAIL_OUT(join '', @_);
}

#------------------------------------------------------------------------
# Running the blocks
#------------------------------------------------------------------------

my %Nginx = (
    pid    => undef,   # master (or single) process id
    child  => 0,       # true when the pid is our own child (daemon off)
    config => undef,   # the nginx.conf text it was started with
    blocks => [],      # names of the blocks it served (valgrind reports)
);

my $OwnerPid      = $$;     # forked children must not stop nginx
my $ServRootReady = 0;
my $ErrLogPos     = 0;      # error.log offset when the current req began
my $NginxVersion;
my %ValgrindLogSeen;
my %SanitizerLogSeen;

sub run_tests () {
    install_signal_handlers();
    # reports of earlier test files were failed there
    $SanitizerLogSeen{$_} = -s $_ for sanitizer_logs();
    for my $block (blocks()) {
        run_test($block);
    }
    shutdown_nginx();
    run_cleanup_handlers();
}

sub run_test ($) {
    my ($block) = @_;
    $_->($block) for @BlockPreprocessors;

    my $name = $block->name;
    my $ok = eval { run_block($block); 1 };
    if (!$ok) {
        my $err = $@;
        $err =~ s/\s+$//;
        fail("$name - $err");
    }
    check_sanitizer_logs($name);
}

sub run_block {
    my ($block) = @_;
    my $name = $block->name;

    if (my $why = skip_reason($block)) {
        my ($count, $reason) = @$why;
        SKIP: { skip("$name - $reason", $count) }
        return;
    }

    prepare_servroot();

    if (!$NoNginxManager) {
        my $config = build_nginx_conf($block);
        if (!nginx_is_running() || !defined $Nginx{config}
            || $Nginx{config} ne $config)
        {
            shutdown_nginx();
            if (my $err = start_nginx($config)) {
                fail("$name - nginx failed to start");
                diag($err);
                return;
            }
        }
        push @{ $Nginx{blocks} }, $name;
    }

    write_user_files($block);

    my $block_log_pos = error_log_size();
    for my $rep (0 .. $RepeatEach - 1) {
        $ErrLogPos = error_log_size();
        run_init($block);
        run_requests($block, $rep);
        if (defined(my $wait = $block->wait)) {
            Time::HiRes::sleep(parse_time($wait) * $SlowFactor);
        }
        check_error_log($block, $rep);
    }

    if (defined $block->shutdown_error_log) {
        # Stop nginx so the lines logged while exiting can be checked; the
        # next block starts a fresh instance.
        $ErrLogPos = $block_log_pos;
        shutdown_nginx();
        check_log_patterns($block, 'shutdown_error_log', 1, 'shutdown');
    }
}

sub run_cleanup_handlers {
    while (my $handler = shift @CleanupHandlers) {
        $handler->();
    }
}

# Returns [count, reason] if the block must be skipped (skip_nginx,
# skip_eval sections of the form "N: condition").
sub skip_reason {
    my ($block) = @_;

    if (defined(my $spec = $block->skip_nginx)) {
        # "N: < 1.21.0" or "N: < 1.21.0: reason"
        my ($n, $op, $ver, $why) = $spec =~ m{
            ^\s* (\d+) \s*:\s* (<=|>=|==|!=|<|>) \s* (\d+(?:\.\d+)*)
            (?: \s*:\s* (.*?) )? \s*$
        }x or die "invalid --- skip_nginx section: $spec\n";
        my $have = nginx_version();
        if (compare_versions($have, $op, $ver)) {
            return [$n, $why // "nginx version $have $op $ver"];
        }
    }

    if (defined(my $spec = $block->skip_eval)) {
        my ($n, $code) = $spec =~ /^\s*(\d+)\s*:\s*(.*?)\s*$/s
            or die "invalid --- skip_eval section: $spec\n";
        my $skip = eval "package main; no strict; $code";
        die "--- skip_eval failed: $@" if $@;
        return [$n, "skip_eval: $code"] if $skip;
    }

    return undef;
}

sub run_init {
    my ($block) = @_;
    my $code = $block->init;
    return unless defined $code && !ref $code;
    # Run in package main so helpers the test file imported are visible.
    eval "package main; $code; 1" or die "--- init failed: $@";
}

#------------------------------------------------------------------------
# nginx.conf and the server root
#------------------------------------------------------------------------

# Replaces $TEST_NGINX_* by the environment value; like the real module,
# an undefined variable is an error, not an empty string.
sub expand_env {
    my ($text) = @_;
    return $text if !defined $text || ref $text;
    $text =~ s{\$(TEST_NGINX_[_A-Z0-9]+)}{
        defined $ENV{$1} ? $ENV{$1}
                         : die "No environment $1 defined.\n"
    }ge;
    return $text;
}

sub section_text {
    my ($block, $section) = @_;
    my $text = $block->$section;
    return '' unless defined $text;
    return expand_env($text);
}

sub build_nginx_conf {
    my ($block) = @_;

    my $main_config = section_text($block, 'main_config');
    my $http_config = section_text($block, 'http_config');
    my $config      = section_text($block, 'config');
    my $log_level   = $block->log_level // $LogLevel;

    my ($daemon, $master) = ($DaemonEnabled, $MasterProcessEnabled);
    # valgrind must see the process that does the work, in the foreground.
    ($daemon, $master) = ('off', 'off') if $UseValgrind;

    # Workers of a root master run as "nobody" by default and then cannot
    # read files the tests create; keep them root unless the test says.
    my $user = ($> == 0 && $main_config !~ /^\s*user\s/m)
        ? "user root;\n" : '';

    my $env = join '', map { "env $_;\n" } @EnvToNginx;
    my $root_location = $NoRootLocation ? '' : <<"_EOC_";
        location / {
            root $HtmlDir;
            index index.html index.htm;
        }
_EOC_

    return <<"_EOC_";
# generated by t/lib/bundled/Test/Nginx/Socket.pm
${user}daemon $daemon;
master_process $master;
worker_processes $Workers;
error_log $ErrLogFile $log_level;
pid $PidFile;
$env
$main_config

events {
    accept_mutex off;
    worker_connections $WorkerConnections;
}

http {
    access_log $AccLogFile;
    default_type text/plain;
    keepalive_timeout 68;
${\ temp_path_directives() }
$http_config

    server {
        listen $ServerPort${\ ($ReusePort ? ' reuseport' : '') };
        server_name $ServerName;
        client_max_body_size 30M;

$ConfigPreamble
$config

$root_location    }
}
_EOC_
}

sub temp_path_directives {
    my %directive = (
        client_body_temp => 'client_body_temp_path',
        proxy_temp       => 'proxy_temp_path',
        fastcgi_temp     => 'fastcgi_temp_path',
        uwsgi_temp       => 'uwsgi_temp_path',
        scgi_temp        => 'scgi_temp_path',
    );
    return join '', map { "    $directive{$_} $ServRoot/$_;\n" } @TempDirs;
}

# Called before the first block: stop an nginx left over from an earlier
# interrupted run and empty the server root. Only the directories this
# module creates are removed, so a mistaken TEST_NGINX_SERVROOT cannot
# wipe anything else.
sub prepare_servroot {
    return if $ServRootReady;
    $ServRootReady = 1;
    if (!$NoNginxManager) {    # else someone else's nginx may use it
        kill_stale_nginx();
        kill_orphaned_workers();
        for my $dir ('conf', 'html', 'logs', @TempDirs) {
            File::Path::rmtree("$ServRoot/$dir") if -d "$ServRoot/$dir";
        }
    }
    for my $dir ('', '/conf', '/html', '/logs') {
        next if -d "$ServRoot$dir";
        mkdir "$ServRoot$dir" or die "cannot create $ServRoot$dir: $!\n";
    }
}

sub kill_stale_nginx {
    my $pid = read_pid_file() or return;
    return unless process_alive($pid);
    # Make sure the pid was not reused by an unrelated process.
    my $cmdline = slurp("/proc/$pid/cmdline") // '';
    return unless $cmdline =~ /nginx/ && index($cmdline, $ServRoot) >= 0;
    diag("stopping nginx (pid $pid) left over from an earlier run");
    stop_process($pid, 0, 5);
}

# Workers whose master died (a crash, e.g. a sanitizer abort in the master)
# live on with the listening socket, and every later start would fail. They
# are found by their stderr, which nginx points at our error.log. Only
# called while no nginx of ours runs.
sub kill_orphaned_workers {
    my @pids;
    for my $fd (glob '/proc/[0-9]*/fd/2') {
        my $target = readlink($fd) // next;
        $target =~ s/ \(deleted\)$//;
        next unless $target eq $ErrLogFile;
        my ($pid) = $fd =~ m{^/proc/(\d+)/};
        next if $pid == $$;
        my $cmdline = slurp("/proc/$pid/cmdline") // '';
        push @pids, $pid if $cmdline =~ /^nginx: /;
    }
    return unless @pids;
    diag("killing nginx process(es) left without their master: @pids");
    kill 'KILL', @pids;
    for my $pid (@pids) {
        wait_exit($pid, 0, 5);
    }
}

sub write_user_files {
    my ($block) = @_;
    my $spec = $block->user_files;
    return unless defined $spec;

    my @files;
    if (ref $spec eq 'ARRAY') {
        @files = map { [$_->[0], $_->[1]] } @$spec;
    } else {
        my @parts = split /^>>>[ \t]+(\S+)[^\n]*\n/m, $spec;
        shift @parts;    # text before the first ">>>"
        while (my ($file, $content) = splice @parts, 0, 2) {
            push @files, [$file, $content // ''];
        }
    }

    for my $f (@files) {
        my ($file, $content) = @$f;
        die "invalid user_files name: $file\n"
            if $file =~ m{(^|/)\.\.(/|$)} || $file =~ m{^/};
        my $path = "$HtmlDir/$file";
        (my $dir = $path) =~ s{/[^/]+$}{};
        File::Path::mkpath($dir) unless -d $dir;
        write_file($path, $content);
    }
}

#------------------------------------------------------------------------
# Starting and stopping nginx
#------------------------------------------------------------------------

sub find_nginx_binary {
    return $ENV{TEST_NGINX_BINARY} if $ENV{TEST_NGINX_BINARY};
    for my $dir (split /:/, $ENV{PATH} // '') {
        next unless length $dir;
        return "$dir/nginx" if -f "$dir/nginx" && -x _;
    }
    return '/usr/sbin/nginx';
}

sub nginx_version {
    return $NginxVersion if defined $NginxVersion;
    # "nginx -v" prints to stderr; read both through a pipe, no shell.
    my $pid = open my $fh, '-|' // die "fork failed: $!\n";
    if (!$pid) {
        open STDERR, '>&', \*STDOUT;
        { no warnings 'exec'; exec { $NginxBinary } $NginxBinary, '-v'; }
        POSIX::_exit(127);
    }
    my $out = do { local $/; <$fh> } // '';
    { local $?; close $fh; }
    ($NginxVersion) = $out =~ m{nginx/(\d+(?:\.\d+)*)};
    die "cannot determine the version of $NginxBinary: $out\n"
        unless defined $NginxVersion;
    return $NginxVersion;
}

sub compare_versions {
    my ($have, $op, $want) = @_;
    my @a = split /\./, $have;
    my @b = split /\./, $want;
    my $cmp = 0;
    while (@a || @b) {
        $cmp = (shift(@a) // 0) <=> (shift(@b) // 0);
        last if $cmp;
    }
    return $op eq '<'  ? $cmp < 0
         : $op eq '<=' ? $cmp <= 0
         : $op eq '>'  ? $cmp > 0
         : $op eq '>=' ? $cmp >= 0
         : $op eq '==' ? $cmp == 0
         :               $cmp != 0;
}

sub nginx_is_running {
    return $Nginx{pid} && process_alive($Nginx{pid}, $Nginx{child});
}

sub is_running () { nginx_is_running() ? 1 : 0 }

# Starts nginx with the given config; returns undef on success or an
# error text (with stderr and the error.log tail) on failure.
sub start_nginx {
    my ($config) = @_;

    if (port_accepts_connections(0.5)) {
        return "port $ServerAddr:$ServerPortForClient is already in use by "
             . "another "
             . "process (set TEST_NGINX_SERVER_PORT to use another one)";
    }

    write_file($ConfFile, $config);
    unlink $PidFile;
    my $log_pos = error_log_size();

    my @cmd = ($NginxBinary, '-p', "$ServRoot/", '-c', 'conf/nginx.conf');
    if ($UseValgrind) {
        my @vg = qw(valgrind --tool=memcheck --leak-check=full
                    --show-possibly-lost=no --num-callers=30);
        push @vg, "--log-file=$LogDir/valgrind.%p.log";
        push @vg, "--suppressions=" . builtin_suppressions();
        my $supp = File::Spec->rel2abs('t/valgrind.suppress');
        push @vg, "--suppressions=$supp" if -f $supp;
        unshift @cmd, @vg;
    }

    my $start_timeout = 10 * $SlowFactor;
    my ($pid, $child);
    if ($UseValgrind) {
        # daemon off: the process stays our child, started in background.
        $pid = spawn(\@cmd, $StderrFile);
        $child = 1;
    } else {
        # daemon on: nginx returns once the daemon runs (or with an error).
        my $rc = run_command(\@cmd, $StderrFile);
        if ($rc != 0) {
            return failure_report("nginx exited with status " . ($rc >> 8),
                                  $log_pos);
        }
        $pid = wait_for_pid_file($start_timeout);
        return failure_report("nginx did not write $PidFile", $log_pos)
            unless $pid;
        $child = 0;
    }

    %Nginx = (pid => $pid, child => $child, config => $config, blocks => []);

    my $deadline = Time::HiRes::time() + $start_timeout;
    while (Time::HiRes::time() < $deadline) {
        if (!process_alive($pid, $child)) {
            $Nginx{pid} = undef;
            # nginx leaks its startup memory when the config is refused;
            # the start failure is what gets reported.
            $ValgrindLogSeen{$_}++ for glob "$LogDir/valgrind.*.log";
            return failure_report("nginx exited during startup", $log_pos);
        }
        return undef if port_accepts_connections(0.5);
        Time::HiRes::sleep(0.05);
    }
    shutdown_nginx();
    return failure_report("nginx did not accept connections on "
                          . "$ServerAddr:$ServerPortForClient within "
                          . "${start_timeout}s",
                          $log_pos);
}

sub failure_report {
    my ($what, $log_pos) = @_;
    my $stderr = slurp($StderrFile) // '';
    my $log = tail(read_from($ErrLogFile, $log_pos), 30);
    return "$what\n--- stderr:\n$stderr--- error.log (tail):\n$log";
}

sub wait_for_pid_file {
    my ($timeout) = @_;
    my $deadline = Time::HiRes::time() + $timeout;
    while (Time::HiRes::time() < $deadline) {
        my $pid = read_pid_file();
        return $pid if $pid;
        Time::HiRes::sleep(0.02);
    }
    return undef;
}

sub read_pid_file {
    my $text = slurp($PidFile) // return undef;
    return $text =~ /^\s*(\d+)/ ? $1 : undef;
}

# Graceful stop of the nginx we started; reports valgrind findings.
sub shutdown_nginx {
    my $pid = $Nginx{pid} or return;
    stop_process($pid, $Nginx{child}, 10 * $SlowFactor);
    $Nginx{pid} = undef;
    $Nginx{config} = undef;
    kill_orphaned_workers();
    check_valgrind_logs($pid) if $UseValgrind;
    check_sanitizer_logs("nginx pid $pid, when it exited (blocks: "
                         . served_blocks() . ")");
}

sub served_blocks {
    return join ', ', map { /^(TEST \d+)/ ? $1 : $_ } @{ $Nginx{blocks} };
}

# For END/signal handlers: stop without emitting any test results, and
# without waiting for requests in flight (TERM is nginx's fast shutdown).
sub shutdown_nginx_quietly {
    my $pid = $Nginx{pid} or return;
    $Nginx{pid} = undef;
    stop_process($pid, $Nginx{child}, 5 * $SlowFactor, 'TERM');
}

# QUIT (graceful) or $sig, wait for the exit, then KILL the process and
# any children it left (a killed master leaves its workers on the port).
sub stop_process {
    my ($pid, $is_child, $timeout, $sig) = @_;
    my @workers = child_pids($pid);
    kill $sig // 'QUIT', $pid;
    return if wait_exit($pid, $is_child, $timeout);
    diag("nginx (pid $pid) did not exit within ${timeout}s, killing it");
    kill 'KILL', $pid, grep { process_alive($_) } @workers;
    wait_exit($pid, $is_child, 5);
}

sub wait_exit {
    my ($pid, $is_child, $timeout) = @_;
    my $deadline = Time::HiRes::time() + $timeout;
    while (Time::HiRes::time() < $deadline) {
        return 1 unless process_alive($pid, $is_child);
        Time::HiRes::sleep(0.02);
    }
    return !process_alive($pid, $is_child);
}

sub process_alive {
    my ($pid, $is_child) = @_;
    if ($is_child) {
        # A dead child stays a zombie (and "alive" for kill 0) until reaped.
        local $?;
        my $r = waitpid($pid, POSIX::WNOHANG());
        return $r == 0;
    }
    return 0 unless kill(0, $pid) || $! == Errno::EPERM;
    # The daemon's parent is pid 1, which may reap it late; a zombie has
    # exited and released everything already.
    my $stat = slurp("/proc/$pid/stat") // return 1;
    return $stat !~ /^\d+ \(.*\) Z /s;
}

sub child_pids {
    my ($ppid) = @_;
    my @pids;
    for my $stat (glob '/proc/[0-9]*/stat') {
        my $text = slurp($stat) // next;
        # "pid (comm) state ppid ..."; comm may contain spaces or parens.
        push @pids, $1 if $text =~ /^(\d+) \(.*\) \S+ (\d+) / && $2 == $ppid;
    }
    return @pids;
}

sub port_accepts_connections {
    my ($timeout) = @_;
    my $sock = IO::Socket::INET->new(
        PeerAddr => $ServerAddr,
        PeerPort => $ServerPortForClient,
        Proto    => 'tcp',
        Timeout  => $timeout,
    );
    return 0 unless $sock;
    close $sock;
    return 1;
}

# Runs a command in the foreground with stdout/stderr going to a file.
sub run_command {
    my ($cmd, $out_file) = @_;
    my $pid = spawn($cmd, $out_file);
    local $?;
    waitpid($pid, 0);
    return $?;
}

sub spawn {
    my ($cmd, $out_file) = @_;
    my $pid = fork;
    die "fork failed: $!\n" unless defined $pid;
    return $pid if $pid;

    # child: no Perl cleanup (END blocks) may run here.
    open STDIN, '<', '/dev/null';
    open STDOUT, '>', $out_file or POSIX::_exit(126);
    open STDERR, '>&', \*STDOUT or POSIX::_exit(126);
    { no warnings 'exec'; exec { $cmd->[0] } @$cmd; }
    print STDERR "cannot exec $cmd->[0]: $!\n";
    POSIX::_exit(127);
}

sub install_signal_handlers {
    for my $sig (qw(INT TERM HUP)) {
        my $num = $sig eq 'INT' ? 2 : $sig eq 'TERM' ? 15 : 1;
        $SIG{$sig} = sub {
            shutdown_nginx_quietly() if $$ == $OwnerPid;
            exit(128 + $num);
        };
    }
}

END {
    # Also when a test died half way; keep the script's exit status.
    local $?;
    shutdown_nginx_quietly() if $$ == $OwnerPid;
}

#------------------------------------------------------------------------
# valgrind
#------------------------------------------------------------------------

my $ValgrindError = qr/
      ^Invalid\ (?:read|write|free)
    | uninitialised\ value
    | ^Syscall\ param
    | ^Mismatched\ free
    | ^Source\ and\ destination\ overlap
    | bytes\ in\ [\d,]+\ blocks\ are\ definitely\ lost
/x;

# Known false positives of stock nginx itself, so that a plain nginx
# runs clean; project specific ones belong in t/valgrind.suppress.
sub builtin_suppressions {
    my $file = "$ConfDir/builtin.valgrind.suppress";
    write_file($file, <<'_SUPP_');
{
   nginx-single-process-environment
   Memcheck:Leak
   match-leak-kinds: definite
   fun:malloc
   fun:ngx_alloc
   fun:ngx_set_environment
   ...
}
_SUPP_
    return $file;
}

sub check_valgrind_logs {
    my ($pid) = @_;
    my @findings;
    for my $file (sort glob "$LogDir/valgrind.*.log") {
        next if $ValgrindLogSeen{$file}++;
        push @findings, valgrind_findings($file);
    }
    return unless @findings;

    my $blocks = served_blocks();
    fail("valgrind reported " . scalar(@findings) . " problem(s) for "
         . "nginx pid $pid (blocks: $blocks)");
    my $shown = 0;
    for my $f (@findings) {
        last if ++$shown > 10;
        diag("$f->{file}:\n$f->{text}");
    }
}

# Returns {file, text} records for every error or definite leak.
sub valgrind_findings {
    my ($file) = @_;
    my $text = slurp($file) // return;
    my @records = ('');
    for my $line (split /\n/, $text) {
        $line =~ s/^==\d+==\s?//;
        if ($line =~ /^\s*$/) {
            push @records, '' if length $records[-1];
            next;
        }
        $records[-1] .= "$line\n";
    }

    my @findings;
    my $leak_records = 0;
    for my $rec (@records) {
        my ($first) = split /\n/, $rec;
        next unless defined $first;
        if ($first =~ /^LEAK SUMMARY/
            && $rec =~ /definitely lost: ([\d,]+) bytes/)
        {
            # the LEAK SUMMARY; only used if no record showed the leak
            (my $bytes = $1) =~ tr/,//d;
            push @findings, { file => $file, text => $rec, summary => 1 }
                if $bytes > 0;
            next;
        }
        next unless $first =~ $ValgrindError;
        $leak_records++ if $first =~ /definitely lost/;
        my @lines = split /\n/, $rec;
        splice @lines, 40 if @lines > 40;
        push @findings, { file => $file, text => join("\n", @lines) };
    }
    @findings = grep { !$_->{summary} } @findings if $leak_records;
    return @findings;
}

#------------------------------------------------------------------------
# ASan / UBSan reports
#------------------------------------------------------------------------

sub sanitizer_logs {
    return () unless $SanitizerLogDir;
    return sort grep { -f $_ } glob "$SanitizerLogDir/*";
}

# Fails once for what the report files got since the last check (new files,
# or more reports in a file: with -fsanitize-recover a process goes on and
# appends) and shows the start of each (the error and the top of its stack).
sub check_sanitizer_logs {
    my ($what) = @_;
    my @new;
    for my $file (sanitizer_logs()) {
        my $size = -s $file // 0;
        my $seen = $SanitizerLogSeen{$file} // 0;
        next if $size <= $seen;
        push @new, [$file, read_from($file, $seen)];
        $SanitizerLogSeen{$file} = $size;
    }
    return unless @new;
    fail("$what - sanitizer report(s) in " . join(' ', map { $_->[0] } @new));
    for my $n (@new) {
        (my $text = $n->[1]) =~ s/^==\d+==\s?//mg;
        $text =~ s/^\s*\n//;
        diag("$n->[0]:\n" . head($text, 40));
    }
}

sub head {
    my ($text, $n) = @_;
    my @lines = split /^/m, $text // '';
    splice @lines, $n if @lines > $n;
    return join '', @lines;
}

#------------------------------------------------------------------------
# Requests
#------------------------------------------------------------------------

sub block_timeout {
    my ($block) = @_;
    my $t = defined $block->timeout ? parse_time($block->timeout) : $Timeout;
    return $t * $SlowFactor;
}

# "3", "0.5", "1.5s", "200ms" -> seconds
sub parse_time {
    my ($t) = @_;
    $t =~ s/^\s+|\s+$//g;
    return $1 / 1000 if $t =~ /^(\d+(?:\.\d+)?)ms$/;
    return $1 if $t =~ /^(\d+(?:\.\d+)?)s?$/;
    die "invalid time value: $t\n";
}

# Builds the list of connections to make for a block. Each element:
#   { chunks => [bytes...], methods => [...], wait_close => bool }
# Requests are numbered across connections; expectations given as arrays
# (eval filter) are indexed by that number.
sub block_connections {
    my ($block) = @_;

    if (defined(my $reqs = $block->pipelined_requests)) {
        die "--- pipelined_requests must be an array (use the eval filter)\n"
            unless ref $reqs eq 'ARRAY' && @$reqs;
        my (@raw, @methods);
        for my $i (0 .. $#$reqs) {
            my $last = $i == $#$reqs;
            my $r = build_request($block, $reqs->[$i],
                                  $last ? 'close' : 'keep-alive');
            push @raw, $r->{raw};
            push @methods, $r->{method};
        }
        return [{ chunks => [join '', @raw], methods => \@methods,
                  wait_close => 1 }];
    }

    if (defined(my $raw = $block->raw_request)) {
        my @chunks = ref $raw eq 'ARRAY' ? @$raw : ($raw);
        my $all = join '', @chunks;
        my ($method) = $all =~ /^\s*(\S+)/;
        my $close = $all =~ /^Connection:\s*close/mi
                    || $all =~ m{^\S+\s+\S+\s+HTTP/1\.0}i;
        return [{ chunks => \@chunks, methods => [$method // 'GET'],
                  wait_close => $close }];
    }

    my $req = $block->request;
    return [] unless defined $req;
    my @conns;
    for my $text (ref $req eq 'ARRAY' ? @$req : ($req)) {
        my $r = build_request($block, $text, 'close');
        push @conns, { chunks => [$r->{raw}], methods => [$r->{method}],
                       wait_close => $r->{close} };
    }
    return \@conns;
}

# "GET /t" or "POST /t\n<body>" -> raw HTTP/1.1 request bytes.
sub build_request {
    my ($block, $text, $conn) = @_;
    # like the real module: $TEST_NGINX_* is expanded in the nginx.conf
    # sections, not in the request nor in more_headers
    $text =~ s/^\s+//;
    my ($line, $body) = split /\r?\n/, $text, 2;
    $line //= '';
    my ($method, $uri, $version) =
        $line =~ m{^(\S+)\s+(\S+)(?:\s+(HTTP/\d+\.\d+))?\s*$}
        or die "invalid request line: '$line'\n";
    $version //= 'HTTP/1.1';

    my @headers = more_headers($block);
    my %have = map { lc($_->[0]) => $_->[1] } @headers;

    my $head = "$method $uri $version\r\n";
    $head .= "Host: $ServerName\r\n" unless exists $have{host};
    $head .= "Connection: $conn\r\n" unless exists $have{connection};
    $head .= "$_->[0]: $_->[1]\r\n" for @headers;

    $body //= '';
    if ($body ne '' && !exists $have{'content-length'}
        && !exists $have{'transfer-encoding'})
    {
        # As the real module does: the body loses surrounding whitespace
        # (the section's trailing newline) unless Content-Length is given.
        $body =~ s/^\s+|\s+$//gs;
        utf8::encode($body) if utf8::is_utf8($body);
        $head .= "Content-Length: " . length($body) . "\r\n";
    }

    my $raw = "$head\r\n$body";
    utf8::encode($raw) if utf8::is_utf8($raw);

    my $conn_value = exists $have{connection} ? $have{connection} : $conn;
    my $close = $conn_value =~ /close/i
        || ($version eq 'HTTP/1.0' && $conn_value !~ /keep-alive/i);
    return { raw => $raw, method => uc $method, close => $close };
}

sub more_headers {
    my ($block) = @_;
    my $text = $block->more_headers;
    return () unless defined $text;
    my @headers;
    for my $line (split /\n/, $text) {
        $line =~ s/\r$//;
        next unless $line =~ /\S/;
        $line =~ /^\s*([^:\s]+)\s*:\s*(.*?)\s*$/
            or die "invalid --- more_headers line: '$line'\n";
        push @headers, [$1, $2];
    }
    return @headers;
}

# Sends one connection's request(s) and reads the response(s).
# Returns { responses => [...], timed_out => 0|1, error => text|undef }.
sub do_connection {
    my ($conn, $timeout, $middle_delay) = @_;
    my $deadline = Time::HiRes::time() + $timeout;
    my $result = { responses => [], timed_out => 0, error => undef };

    my $sock = IO::Socket::INET->new(
        PeerAddr => $ServerAddr,
        PeerPort => $ServerPortForClient,
        Proto    => 'tcp',
        Timeout  => $timeout,
    );
    if (!$sock) {
        $result->{error} = "cannot connect to $ServerAddr:"
                           . "$ServerPortForClient: $@";
        return $result;
    }
    binmode $sock;

    my $n = 0;
    for my $chunk (@{ $conn->{chunks} }) {
        Time::HiRes::sleep($middle_delay) if $n++ && $middle_delay;
        my $r = write_all($sock, $chunk, $deadline);
        if ($r ne 'ok') {
            $result->{timed_out} = 1 if $r eq 'timeout';
            $result->{error} = "failed to send the request: $r"
                unless $r eq 'timeout';
            last;
        }
    }

    my $buf = '';
    my $eof = 0;
    my $sel = IO::Select->new($sock);
    while (!$result->{error} && !$result->{timed_out}) {
        my $left = $deadline - Time::HiRes::time();
        if ($left <= 0 || !$sel->can_read($left)) {
            $result->{timed_out} = 1;
            last;
        }
        my $got = sysread $sock, $buf, 65536, length $buf;
        if (!defined $got) {
            next if $! == Errno::EINTR;
            # A reset after a complete response is just the server closing.
            $eof = 1;
            last;
        }
        if ($got == 0) {
            $eof = 1;
            last;
        }
        # Without "Connection: close" the server keeps the connection
        # open: stop as soon as every response is complete.
        if (!$conn->{wait_close}) {
            my $res = parse_responses($buf, $conn->{methods}, 0);
            last if @$res == @{ $conn->{methods} }
                 && !grep { !$_->{complete} } @$res;
        }
    }
    close $sock;

    $result->{responses} = parse_responses($buf, $conn->{methods}, $eof);

    # Timing out while waiting only for the server to close the
    # connection after complete responses is not worth a failure.
    if ($result->{timed_out}) {
        my $res = $result->{responses};
        $result->{timed_out} = 0
            if @$res == @{ $conn->{methods} }
            && !grep { !$_->{complete} } @$res;
    }
    return $result;
}

sub write_all {
    my ($sock, $data, $deadline) = @_;
    my $sel = IO::Select->new($sock);
    my $off = 0;
    while ($off < length $data) {
        my $left = $deadline - Time::HiRes::time();
        return 'timeout' if $left <= 0 || !$sel->can_write($left);
        my $w = syswrite $sock, $data, length($data) - $off, $off;
        if (!defined $w) {
            next if $! == Errno::EINTR;
            return "$!";
        }
        $off += $w;
    }
    return 'ok';
}

#------------------------------------------------------------------------
# Response parsing
#------------------------------------------------------------------------

# Parses as many responses as the buffer holds, one per request method.
# With $eof (connection closed) an incomplete last response is returned
# with complete => 0; otherwise it is left out (more data may come).
sub parse_responses {
    my ($buf, $methods, $eof) = @_;
    my @responses;
    my $pos = 0;
    for my $method (@$methods) {
        my $res = parse_one_response(\$buf, \$pos, $method, $eof);
        last unless $res;
        push @responses, $res;
        last unless $res->{complete};
    }
    return \@responses;
}

sub parse_one_response {
    my ($bufref, $posref, $method, $eof) = @_;

    while (1) {
        my $start = $$posref;
        return undef if $start >= length $$bufref;

        my $hend = index $$bufref, "\r\n\r\n", $start;
        if ($hend < 0) {
            return undef unless $eof;
            my $res = parse_head(substr($$bufref, $start));
            $res->{complete} = 0;
            $res->{body} = '';
            $$posref = length $$bufref;
            return $res;
        }

        my $res = parse_head(substr($$bufref, $start, $hend - $start));
        my $body_start = $hend + 4;
        my $status = $res->{status} // 0;

        # Interim 1xx responses (100 Continue) precede the real one.
        if ($status >= 100 && $status < 200 && $status != 101) {
            $$posref = $body_start;
            next;
        }

        if ($method eq 'HEAD' || $status == 204 || $status == 304
            || $status == 101)
        {
            $res->{body} = '';
            $res->{complete} = 1;
            $$posref = $body_start;
            return $res;
        }

        my $te = header_value($res, 'Transfer-Encoding');
        my $cl = header_value($res, 'Content-Length');
        if (defined $te && $te =~ /chunked/i) {
            my ($body, $end) = decode_chunked($$bufref, $body_start);
            if (defined $end) {
                @$res{qw(body complete)} = ($body, 1);
                $$posref = $end;
                return $res;
            }
            return undef unless $eof;
            @$res{qw(body complete)} = ($body, 0);
        } elsif (defined $cl && $cl =~ /^\s*(\d+)\s*$/) {
            my $len = $1;
            if (length($$bufref) - $body_start >= $len) {
                @$res{qw(body complete)} =
                    (substr($$bufref, $body_start, $len), 1);
                $$posref = $body_start + $len;
                return $res;
            }
            return undef unless $eof;
            @$res{qw(body complete)} = (substr($$bufref, $body_start), 0);
        } else {
            # Delimited by the connection close.
            return undef unless $eof;
            @$res{qw(body complete)} = (substr($$bufref, $body_start), 1);
        }
        $$posref = length $$bufref;
        return $res;
    }
}

sub parse_head {
    my ($head) = @_;
    my ($status_line, @lines) = split /\r\n/, $head;
    my $res = { raw_headers => $head, headers => [], body => '',
                status => undef };
    if (defined $status_line
        && $status_line =~ m{^(HTTP/\d+\.\d+)\s+(\d{3})(?:\s+(.*))?$})
    {
        @$res{qw(protocol status reason)} = ($1, $2, $3 // '');
    }
    for my $line (@lines) {
        if ($line =~ /^[ \t]/ && @{ $res->{headers} }) {
            $res->{headers}[-1][1] .= " " . ($line =~ s/^\s+//r);
        } elsif ($line =~ /^([^:]+):\s*(.*?)\s*$/) {
            push @{ $res->{headers} }, [$1, $2];
        }
    }
    return $res;
}

# Returns (body, end offset) or (partial body, undef) if incomplete.
sub decode_chunked {
    my ($buf, $pos) = @_;
    my $body = '';
    while (1) {
        my $eol = index $buf, "\r\n", $pos;
        return ($body, undef) if $eol < 0;
        my ($hex) = substr($buf, $pos, $eol - $pos) =~ /^\s*([0-9a-fA-F]+)/;
        return ($body, undef) unless defined $hex;
        my $size = hex $hex;
        $pos = $eol + 2;
        if ($size == 0) {
            # trailer fields, then an empty line
            while (1) {
                my $e = index $buf, "\r\n", $pos;
                return ($body, undef) if $e < 0;
                my $empty = $e == $pos;
                $pos = $e + 2;
                return ($body, $pos) if $empty;
            }
        }
        if (length($buf) - $pos < $size + 2) {
            $body .= substr($buf, $pos);
            return ($body, undef);
        }
        $body .= substr($buf, $pos, $size);
        $pos += $size + 2;
    }
}

# Case-insensitive; repeated headers are joined with ", " (as LWP does).
sub header_value {
    my ($res, $name) = @_;
    my @values = map { $_->[1] }
                 grep { lc $_->[0] eq lc $name } @{ $res->{headers} };
    return @values ? join(', ', @values) : undef;
}

#------------------------------------------------------------------------
# Checks
#------------------------------------------------------------------------

sub run_requests {
    my ($block, $rep) = @_;
    my $name = $block->name;
    my $conns = block_connections($block);
    my $timeout = block_timeout($block);
    my $abort = defined $block->abort;
    my $delay = $block->raw_request_middle_delay;
    $delay = parse_time($delay) if defined $delay;

    my $req_idx = 0;
    my $total = 0;
    $total += @{ $_->{methods} } for @$conns;
    need_arrays($block) if $total > 1;

    for my $conn (@$conns) {
        my $result = do_connection($conn, $timeout, $delay);

        if ($result->{error}) {
            fail("$name - $result->{error}");
        } elsif ($result->{timed_out} && !$abort) {
            fail("$name - ERROR: client socket timed out after ${timeout}s");
        }

        for my $i (0 .. $#{ $conn->{methods} }) {
            my $res = $result->{responses}[$i];
            if (defined $block->ignore_response) {
                # nothing to check
            } elsif (!$res && ($abort || $result->{error})) {
                my $n = count_response_checks($block, $req_idx);
                my $why = $result->{error} ? 'no response' : 'request aborted';
                SKIP: { skip("$name - $why", $n) if $n }
            } else {
                $res ||= { status => undef, headers => [], body => '',
                           raw_headers => '' };
                check_response($block, $res, $req_idx, $rep);
            }
            $req_idx++;

            # As the real module: the error log is checked after every
            # request, each time on the lines since the previous check
            # (the last request's are checked by run_block).
            if ($req_idx < $total) {
                check_error_log($block, $rep);
                $ErrLogPos = error_log_size();
            }
        }
    }
}

# The real module refuses a block with several requests whose expected
# results are not arrays, one per request.
sub need_arrays {
    my ($block) = @_;
    for my $section (qw(error_code error_code_like response_body
                        response_body_like response_body_unlike
                        response_headers response_headers_like
                        raw_response_headers_like
                        raw_response_headers_unlike))
    {
        my $value = $block->$section;
        next if !defined $value || ref $value eq 'ARRAY';
        bail_out($block->name . " - You asked for many requests, the "
                 . "expected results should be arrays as well.");
    }
}

# The expectation in a section for request $idx: arrays (from the eval
# filter) hold one value per request. (Scalar context matters: a missing
# section is an empty list in list context.)
sub pick {
    my ($block, $section, $idx) = @_;
    my $value = $block->$section;
    return $value unless ref $value eq 'ARRAY';
    return $value->[$idx];
}

sub response_header_specs {
    my ($spec) = @_;
    return () unless defined $spec;
    my @specs;
    for my $line (split /\n/, $spec) {
        next if $line =~ /^\s*(#|$)/;
        if ($line =~ /^\s*!\s*([^:\s]+)\s*$/) {
            push @specs, [$1, undef];
        } elsif ($line =~ /^\s*([^:\s]+)\s*:\s*(.*?)\s*$/) {
            push @specs, [$1, $2];
        } else {
            die "invalid response header line: '$line'\n";
        }
    }
    return @specs;
}

sub count_response_checks {
    my ($block, $idx) = @_;
    my $n = 1;    # status code
    for my $s (qw(raw_response_headers_like raw_response_headers_unlike
                  response_body response_body_like response_body_unlike)) {
        $n++ if defined pick($block, $s, $idx);
    }
    for my $s (qw(response_headers response_headers_like)) {
        $n += () = response_header_specs(pick($block, $s, $idx));
    }
    return $n;
}

sub check_response {
    my ($block, $res, $idx, $rep) = @_;
    my $name = $block->name;
    my $summary = "repeated req $rep, req $idx";

    my $code = pick($block, 'error_code', $idx);
    $code = 200 unless defined $code && $code =~ /\S/;
    $code =~ s/^\s+|\s+$//g;
    is($res->{status} // '', $code, "$name - status code ok");

    if (defined(my $re = pick($block, 'raw_response_headers_like', $idx))) {
        like($res->{raw_headers}, to_regex($re),
             "$name - raw resp headers like ($summary)");
    }
    if (defined(my $re = pick($block, 'raw_response_headers_unlike', $idx))) {
        unlike($res->{raw_headers}, to_regex($re),
               "$name - raw resp headers unlike ($summary)");
    }

    for my $h (response_header_specs(pick($block, 'response_headers', $idx))) {
        my ($key, $want) = @$h;
        is(header_value($res, $key), $want, "$name - header $key ok");
    }
    for my $h (response_header_specs(
                   pick($block, 'response_headers_like', $idx)))
    {
        my ($key, $re) = @$h;
        like(header_value($res, $key) // '', qr/^(?:$re)$/s,
             "$name - header $key like ok");
    }

    my $body = $res->{body};
    if (defined(my $want = pick($block, 'response_body', $idx))) {
        # as the real module: the expected body (a string) gets $ServerPort
        # and $TEST_NGINX_* filled in
        if (!ref $want) {
            $want =~ s/\$ServerPort\b/$ServerPort/g;
            $want =~ s/\$ServerPortForClient\b/$ServerPortForClient/g;
            $want = expand_env($want);
        }
        is_long($body, $want,
                "$name - response_body - response is expected ($summary)");
    }
    if (defined(my $re = pick($block, 'response_body_like', $idx))) {
        like($body, to_regex($re),
             "$name - response_body_like - response is expected ($summary)");
    }
    if (defined(my $re = pick($block, 'response_body_unlike', $idx))) {
        unlike($body, to_regex($re),
               "$name - response_body_unlike - response is expected "
               . "($summary)");
    }

    for my $check (@ResponseBodyChecks) {
        $check->($block, $body, $idx, $rep, 0);
    }
}

# Like Test::LongString's is_string (used by the real module unless
# no_long_string()): for long strings show where they begin to differ
# instead of dumping both.
sub is_long {
    my ($got, $want, $desc) = @_;
    my $limit = 4096;
    if ($NoLongString || !defined $got || !defined $want
        || (length($got) <= $limit && length($want) <= $limit))
    {
        return is($got, $want, $desc);
    }
    return pass($desc) if $got eq $want;

    my $pos = 0;
    $pos++ while $pos < length($got) && $pos < length($want)
              && substr($got, $pos, 1) eq substr($want, $pos, 1);
    my $line = 1 + (substr($got, 0, $pos) =~ tr/\n//);
    my $snip = sub {
        my $from = $pos > 20 ? $pos - 20 : 0;
        my $s = substr($_[0], $from, 60);
        $s =~ s/([^\x20-\x7e])/sprintf '\\x{%x}', ord $1/ge;
        return ($from ? '...' : '') . qq{"$s"}
             . ($from + 60 < length $_[0] ? '...' : '');
    };
    fail($desc);
    diag(sprintf "         got: %s\n      length: %d\n"
                 . "    expected: %s\n      length: %d\n"
                 . "    strings begin to differ at char %d (line %d)",
         $snip->($got), length $got, $snip->($want), length $want,
         $pos + 1, $line);
    return 0;
}

sub to_regex {
    my ($re) = @_;
    return $re if ref $re eq 'Regexp';
    # as the real module: a plain section's trailing newline stays part of
    # the pattern (use the one-line form "--- response_body_like: re")
    return qr/$re/s;
}

#------------------------------------------------------------------------
# error.log checks
#------------------------------------------------------------------------

sub error_log_size {
    return -s $ErrLogFile // 0;
}

# Lines written to error.log since the current request began.
sub error_log_data () {
    my @lines = split /^/m, read_from($ErrLogFile, $ErrLogPos);
    return \@lines;
}

sub log_patterns {
    my ($spec) = @_;
    return () unless defined $spec;
    return ($spec) if ref $spec eq 'Regexp';
    return @$spec if ref $spec eq 'ARRAY';
    return grep { /\S/ } split /\n+/, $spec;
}

sub pattern_matches {
    my ($pat, $line) = @_;
    return ref $pat eq 'Regexp' ? $line =~ $pat : index($line, $pat) >= 0;
}

sub check_error_log {
    my ($block, $rep) = @_;
    my @must  = log_patterns(scalar $block->error_log);
    my @mustn = log_patterns(scalar $block->no_error_log);
    my $grep  = $block->grep_error_log;
    return unless @must || @mustn || defined $grep;

    # nginx may log the end of a request after the client got it all.
    my $limit = Time::HiRes::time() + 1 * $SlowFactor;
    my $lines;
    while (1) {
        settle_error_log();
        $lines = error_log_data();
        my $missing = grep { my $p = $_; !grep { pattern_matches($p, $_) }
                                                @$lines } @must;
        last if !$missing || Time::HiRes::time() >= $limit;
        Time::HiRes::sleep(0.05);
    }

    check_log_patterns($block, 'error_log', 1, "req $rep", $lines);
    check_log_patterns($block, 'no_error_log', 0, "req $rep", $lines);

    if (defined $grep) {
        my $re = ref $grep eq 'Regexp' ? $grep : qr/\Q$grep\E/;
        my $out = '';
        for my $line (@$lines) {
            $out .= "$&\n" while $line =~ /$re/g;
        }
        my $want = pick($block, 'grep_error_log_out', $rep) // '';
        if (ref $want eq 'Regexp') {
            like($out, $want, $block->name . " - grep_error_log_out (req $rep)");
        } else {
            is($out, $want, $block->name . " - grep_error_log_out (req $rep)");
        }
    }
}

sub check_log_patterns {
    my ($block, $section, $must, $what, $lines) = @_;
    my @pats = log_patterns(scalar $block->$section);
    return unless @pats;
    $lines ||= error_log_data();
    my $name = $block->name;
    for my $pat (@pats) {
        my @hits = grep { pattern_matches($pat, $_) } @$lines;
        if ($must) {
            ok(scalar @hits,
               "$name - pattern \"$pat\" matches a line in error.log ($what)")
                or diag(log_excerpt($lines));
        } else {
            ok(!@hits, "$name - pattern \"$pat\" should not match any line "
                       . "in error.log ($what)")
                or diag("matching line(s):\n" . join '', @hits[0 .. min($#hits, 9)]);
        }
    }
}

sub min { $_[0] < $_[1] ? $_[0] : $_[1] }

# What to show when an expected line is missing: with debug logging the
# last lines are noise, so prefer the lines above debug level.
sub log_excerpt {
    my ($lines) = @_;
    my @important = grep { !/^\S+ \S+ \[debug\]/ } @$lines;
    return "error.log during this request (non-debug lines):\n"
         . tail(join('', @important), 20) if @important;
    return "error.log during this request (last lines):\n"
         . tail(join('', @$lines), 20);
}

# Waits (briefly) until error.log stops growing.
sub settle_error_log {
    my $limit = Time::HiRes::time() + 0.5 * $SlowFactor;
    my $size = error_log_size();
    while (Time::HiRes::time() < $limit) {
        Time::HiRes::sleep(0.02);
        my $now = error_log_size();
        last if $now == $size;
        $size = $now;
    }
}

#------------------------------------------------------------------------
# Small file helpers
#------------------------------------------------------------------------

sub slurp {
    my ($file) = @_;
    open my $fh, '<:raw', $file or return undef;
    local $/;
    my $text = <$fh>;
    close $fh;
    return $text // '';
}

sub read_from {
    my ($file, $pos) = @_;
    open my $fh, '<:raw', $file or return '';
    # A smaller file means it was recreated: read it all.
    seek $fh, $pos, 0 if $pos <= (-s $fh // 0);
    local $/;
    my $text = <$fh>;
    close $fh;
    return $text // '';
}

sub write_file {
    my ($file, $content) = @_;
    open my $fh, '>:raw', $file or die "cannot write $file: $!\n";
    utf8::encode($content) if utf8::is_utf8($content);
    print {$fh} $content;
    close $fh or die "cannot write $file: $!\n";
}

sub tail {
    my ($text, $n) = @_;
    my @lines = split /^/m, $text // '';
    splice @lines, 0, @lines - $n if @lines > $n;
    return join '', @lines;
}

1;
