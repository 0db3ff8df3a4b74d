package OZ::Test;

# Project helpers for the t/*.t files of ngx_openzaak_module:
#
#   oz_token / oz_bearer   build ZGW-style HS256 JWTs (and broken ones)
#   oz_psql / oz_psql_rows run SQL against $TEST_NGINX_OZ_DB
#   oz_reset               empty every table but the migration bookkeeping
#   oz_pg_stop / oz_pg_start  stop/start PostgreSQL (commands from env)
#
# Importing this module also registers the "--- json_subset",
# "--- json_absent" and "--- sql_check" / "--- sql_check_out" block
# sections through add_response_body_check.
#
# Only the public Test::Nginx::Socket API is used, so the tests also run
# under the real openresty/test-nginx module.  See docs/testing.md.

use strict;
use warnings;

use Digest::SHA ();
use Exporter ();
use File::Temp ();
use JSON::PP ();
use MIME::Base64 ();
use POSIX ();
use Test::More ();
use Test::Nginx::Socket ();

our @ISA = ('Exporter');
our @EXPORT = qw(
    oz_token oz_bearer
    oz_psql oz_psql_rows oz_reset
    oz_pg_stop oz_pg_start
    oz_setup oz_client oz_quote
    $OZ_SELECTIELIJST
);

my $JSON = JSON::PP->new->utf8->canonical->allow_nonref;
my $checks_registered = 0;

sub import {
    my ($class, @args) = @_;

    if (!$checks_registered++) {
        Test::Nginx::Socket::add_response_body_check(\&json_checks);
        Test::Nginx::Socket::add_response_body_check(\&sql_checks);

        # Test::Base evaluates "--- foo eval" sections in the package
        # Test::Base::Filter (with either runner), so make the helpers
        # callable there without a package prefix.
        no strict 'refs';
        for my $name (grep { !/^\$/ } @EXPORT) {
            *{"Test::Base::Filter::$name"} = \&$name
                unless defined &{"Test::Base::Filter::$name"};
        }
    }

    __PACKAGE__->export_to_level(1, $class, @args);
}

#------------------------------------------------------------------------
# JWT
#------------------------------------------------------------------------

sub b64url {
    my ($bytes) = @_;
    my $s = MIME::Base64::encode_base64($bytes, '');
    $s =~ tr{+/}{-_};
    $s =~ s/=+$//;
    return $s;
}

# Merges $extra into $base; an undef value removes the key.
sub merge_fields {
    my ($base, $extra) = @_;
    return unless $extra;
    for my $k (keys %$extra) {
        if (defined $extra->{$k}) {
            $base->{$k} = $extra->{$k};
        } else {
            delete $base->{$k};
        }
    }
}

my %HMAC = (
    HS256 => \&Digest::SHA::hmac_sha256,
    HS384 => \&Digest::SHA::hmac_sha384,
    HS512 => \&Digest::SHA::hmac_sha512,
);

sub sign {
    my ($alg, $input, $secret) = @_;
    return $HMAC{$alg}->($input, $secret) if $HMAC{$alg};
    return '' if $alg eq 'none';
    if ($alg =~ /^(?:RS|PS|ES)\d+$/) {
        # Looks like a 2048-bit RSA signature, but is garbage: for tests
        # that the server refuses asymmetric algorithms.
        return join '', map { Digest::SHA::sha256("$_$input") } 1 .. 8;
    }
    die "oz_token: unsupported alg '$alg'\n";
}

sub oz_token {
    my (%a) = @_;
    my $client_id = $a{client_id} // 'oz-test';
    my $secret    = $a{secret}    // 'oz-test-secret';
    my $alg       = $a{alg}       // 'HS256';
    my $iat       = $a{iat}       // time();

    my %header = (alg => $alg, typ => 'JWT');
    merge_fields(\%header, $a{header});

    my %payload = (iss => $client_id, iat => 0 + $iat,
                   client_id => $client_id);
    merge_fields(\%payload, $a{claims});

    my $header  = $a{header_raw}  // $JSON->encode(\%header);
    my $payload = $a{payload_raw} // $JSON->encode(\%payload);
    utf8::encode($header)  if utf8::is_utf8($header);
    utf8::encode($payload) if utf8::is_utf8($payload);

    my $input = b64url($header) . '.' . b64url($payload);
    return "$input." . b64url(sign($alg, $input, $secret));
}

sub oz_bearer {
    return "Authorization: Bearer " . oz_token(@_);
}

#------------------------------------------------------------------------
# Module configuration
#------------------------------------------------------------------------

# The Selectielijst API of the tests: the files of t/data/selectielijst
# (see its README), served by the test nginx itself through the internal
# location the module fetches from.  Bodies name them as
# $OZ_SELECTIELIJST/procestypen/<uuid> and so on.
our $OZ_SELECTIELIJST = 'http://selectielijst.test/api/v1';

our $SELECTIELIJST_HTTP =
    "openzaak_selectielijst_url $OZ_SELECTIELIJST;\n";

our $SELECTIELIJST_SERVER = <<'CONF';
location /_openzaak/selectielijst/ {
    internal;
    alias $TEST_NGINX_OZ_REPO/t/data/selectielijst/;
    default_type application/json;
}
CONF

# Registers a block preprocessor that gives every block without its own
# main_config / http_config / config the standard set-up: the module
# loaded, the test database, and one location per API in @apis (default:
# all five).  %opts: http => extra http_config lines, server => extra
# lines in the server block (before the locations),
# selectielijst => 1 for the Selectielijst files above.
our %SETUP;

sub oz_setup {
    my (%opts) = @_;
    my @apis = @{ $opts{apis}
                  || [qw(autorisaties zaken catalogi documenten besluiten)] };

    %SETUP = %opts;

    Test::Nginx::Socket::add_block_preprocessor(sub {
        my ($block) = @_;

        oz_at_send($block);

        if (!defined $block->main_config) {
            $block->set_value(main_config =>
                "load_module \$TEST_NGINX_OZ_MODULE;\n"
                . ($opts{main} // ''));
        }

        if (!defined $block->http_config) {
            $block->set_value(http_config => oz_http_config());
        }

        if (!defined $block->config) {
            $block->set_value(config => ($opts{server} // '')
                . ($opts{selectielijst} ? $SELECTIELIJST_SERVER : '')
                . join('', map { "location /$_/api/v1 { openzaak_api $_; }\n" }
                               @apis));
        }
    });
    return;
}

# The http{} configuration oz_setup gives a block, with EXTRA directives
# appended: for a block that needs one more directive,
#     --- http_config eval
#     OZ::Test::oz_http_config("openzaak_... on;\n")
sub oz_http_config {
    my ($extra) = @_;
    return "openzaak_db \"\$TEST_NGINX_OZ_DB\";\n"
        . ($SETUP{selectielijst} ? $SELECTIELIJST_HTTP : '')
        . ($SETUP{http} // '') . ($extra // '');
}

# Test::Base runs every section's filters when the file starts; a
# more_headers written as `eval` "sub { ... }" is made when the request is
# sent instead, after the block's --- init: a token whose iat is relative
# to now stays as old as the block says, however long the blocks before it
# took, and a header can use what the init found (an ETag).  The sub is
# wrapped in an object that calls it when it is used as a string, which
# both runners do when they build the request.  oz_setup's preprocessor
# calls this; a file's own preprocessor that reads more_headers calls it
# first (the last preprocessor added runs first).
sub oz_at_send {
    my ($block) = @_;
    my $value = $block->more_headers;
    $block->set_value(more_headers => bless { code => $value },
                                            'OZ::Test::AtSend')
        if ref $value eq 'CODE';
    return;
}

{
    package OZ::Test::AtSend;
    use overload '""' => sub { $_[0]{code}->() }, fallback => 1;
}

# VALUE as the expectation of every request of BLOCK: Test::Nginx wants
# an array, one per request, when a block sends several (a preprocessor
# that adds an expectation uses this).
sub oz_each {
    my ($block, $value) = @_;
    my $req = $block->request;
    my $n = ref $req eq 'ARRAY' ? @$req : 1;
    return $n > 1 ? [($value) x $n] : $value;
}

# The port the tests connect to, as the runner does: TEST_NGINX_SERVER_PORT
# is what nginx listens on and may hold an address ("127.0.0.1:1984", as
# .ci/test sets it, so the server stays off other interfaces).
sub oz_port {
    return Test::Nginx::Socket::server_port_for_client();
}

# SQL string literal.
# The error log of the running nginx: its size now, and what was written
# to it since a size.  For counting what each request of a sequence sent
# from --- init logs: Test::Nginx compares grep_error_log_out per
# repetition, not per request.
sub oz_log_size {
    my $root = $ENV{TEST_NGINX_SERVROOT} || 't/servroot';
    return -s "$root/logs/error.log" // 0;
}

sub oz_log_since {
    my ($pos) = @_;
    my $root = $ENV{TEST_NGINX_SERVROOT} || 't/servroot';
    open my $fh, '<', "$root/logs/error.log" or return '';
    seek $fh, $pos, 0;
    local $/;
    return scalar <$fh> // '';
}

# One HTTP/1.0 request to the running nginx (the connection closes at the
# end): [status, body].  $headers are extra header lines ("Name: value").
sub oz_http {
    my ($method, $path, $headers, $body) = @_;
    require IO::Socket::INET;
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => oz_port(),
                                     Proto => 'tcp', Timeout => 10)
        or die "cannot connect to nginx: $@\n";
    binmode $sock;
    $body //= '';
    $headers //= '';
    $headers =~ s/\s+\z//;
    $headers =~ s/\n/\r\n/g;
    my $req = "$method $path HTTP/1.0\r\nHost: localhost\r\n"
        . ($headers eq '' ? '' : "$headers\r\n")
        . "Content-Length: " . length($body) . "\r\n\r\n$body";
    print $sock $req;
    local $/;
    my $res = <$sock> // '';
    close $sock;
    my ($status) = $res =~ m{\AHTTP/1\.[01] (\d{3})};
    my (undef, $content) = split /\r\n\r\n/, $res, 2;
    return [$status // 0, $content // ''];
}

sub oz_quote {
    my ($s) = @_;
    return 'NULL' unless defined $s;
    $s =~ s/'/''/g;
    return "'$s'";
}

# Creates a client in the test database: its JWT secret and an applicatie
# holding it.  %a: client_id, secret, label, heeft_alle (default 1 unless
# autorisaties are given), autorisaties => [ { component, scopes => [...],
# zaaktype, informatieobjecttype, besluittype, max_va } ], uuid.
# Returns the applicatie uuid.
sub oz_client {
    my (%a) = @_;
    my $id     = $a{client_id} // 'oz-test';
    my $secret = $a{secret}    // 'oz-test-secret';
    my $auts   = $a{autorisaties} || [];
    my $alle   = $a{heeft_alle} // (@$auts ? 0 : 1);
    my $uuid   = $a{uuid} // oz_psql('SELECT gen_random_uuid()');

    my $sql = sprintf(
        "INSERT INTO autorisaties.jwt_secret (client_id, secret) VALUES (%s, %s)"
        . " ON CONFLICT (client_id) DO UPDATE SET secret = excluded.secret;\n"
        . "INSERT INTO autorisaties.applicatie (uuid, client_ids, label,"
        . " heeft_alle_autorisaties) VALUES (%s, ARRAY[%s], %s, %s);\n",
        oz_quote($id), oz_quote($secret), oz_quote($uuid), oz_quote($id),
        oz_quote($a{label} // "test client $id"), $alle ? 'true' : 'false');

    my $pos = 0;
    for my $x (@$auts) {
        $sql .= sprintf(
            "INSERT INTO autorisaties.autorisatie (applicatie_uuid, position,"
            . " component, scopes, zaaktype, informatieobjecttype, besluittype,"
            . " max_vertrouwelijkheidaanduiding) VALUES"
            . " (%s, %d, %s, ARRAY[%s]::text[], %s, %s, %s, %s);\n",
            oz_quote($uuid), $pos++, oz_quote($x->{component}),
            join(',', map { oz_quote($_) } @{ $x->{scopes} || [] }),
            oz_quote($x->{zaaktype}), oz_quote($x->{informatieobjecttype}),
            oz_quote($x->{besluittype}), oz_quote($x->{max_va}));
    }

    oz_psql($sql);
    return $uuid;
}

#------------------------------------------------------------------------
# PostgreSQL
#------------------------------------------------------------------------

# Runs a command with stdin from /dev/null; returns (exit status,
# stdout, stderr). Temp files instead of pipes: no deadlock on big output.
sub run_capture {
    my (@cmd) = @_;
    my $out = File::Temp->new;
    my $err = File::Temp->new;
    my $pid = fork;
    die "fork failed: $!\n" unless defined $pid;
    if (!$pid) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>', $out->filename or POSIX::_exit(126);
        open STDERR, '>', $err->filename or POSIX::_exit(126);
        { no warnings 'exec'; exec { $cmd[0] } @cmd; }
        print STDERR "cannot exec $cmd[0]: $!\n";
        POSIX::_exit(127);
    }
    waitpid $pid, 0;
    my $status = $?;
    return ($status, slurp($out->filename), slurp($err->filename));
}

sub slurp {
    my ($file) = @_;
    open my $fh, '<:raw', $file or return '';
    local $/;
    my $text = <$fh>;
    return $text // '';
}

sub oz_psql {
    my ($sql) = @_;
    my $db = $ENV{TEST_NGINX_OZ_DB};
    die "oz_psql: TEST_NGINX_OZ_DB is not set\n"
        unless defined $db && $db =~ /\S/;

    # A script file (not -c) so several statements behave as in psql.
    my $file = File::Temp->new(SUFFIX => '.sql');
    utf8::encode($sql) if utf8::is_utf8($sql);
    print {$file} $sql;
    close $file;

    my ($status, $out, $err) = run_capture(
        'psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
        '-f', $file->filename, $db);
    die "oz_psql failed (exit status " . ($status >> 8) . "): $err"
        . "SQL: $sql\n" if $status != 0;
    chomp $out;
    return $out;
}

sub oz_psql_rows {
    my ($sql) = @_;
    my $out = oz_psql($sql);
    return map { [split /\|/, $_, -1] } grep { length } split /\n/, $out;
}

sub oz_reset {
    # One TRUNCATE over all tables of the module's schemas keeps foreign
    # keys happy and is fast.  Other schemas (public: the migration
    # bookkeeping, PostGIS's spatial_ref_sys) are left alone.
    oz_psql(<<'_SQL_');
DO $oz_reset$
DECLARE
    tables text;
BEGIN
    SELECT string_agg(format('%I.%I', table_schema, table_name), ', ')
      INTO tables
      FROM information_schema.tables
     WHERE table_type = 'BASE TABLE'
       AND table_schema IN ('zgw', 'autorisaties', 'catalogi', 'zaken',
                            'documenten', 'besluiten');
    IF tables IS NOT NULL THEN
        EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
    END IF;
END
$oz_reset$;
_SQL_
    return;
}

sub run_env_command {
    my ($var) = @_;
    my $cmd = $ENV{$var};
    die "$var is not set\n" unless defined $cmd && $cmd =~ /\S/;
    # stdout goes to stderr so it cannot be mistaken for TAP output.
    my $rc = system '/bin/sh', '-c', "exec 1>&2\n$cmd";
    die "$var failed (exit status " . ($? >> 8) . "): $cmd\n" if $rc != 0;
    return;
}

sub oz_pg_stop  { run_env_command('TEST_NGINX_OZ_PG_STOP') }
sub oz_pg_start { run_env_command('TEST_NGINX_OZ_PG_START') }

#------------------------------------------------------------------------
# --- json_subset / --- json_absent
#------------------------------------------------------------------------

# --- sql_check: SQL run right after the response (the module answers
# after its transaction committed, so the state is final then);
# --- sql_check_out: the expected psql -A -t output ("|" between columns,
# one line per row).  Both may be eval arrays, one entry per request.
sub sql_checks {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $sql = $block->sql_check;
    return unless defined $sql;

    my $desc = $block->name . " - sql_check ok (repeated req $rep_idx,"
               . " req $req_idx)";
    local $Test::Builder::Level = $Test::Builder::Level + 1;

    if ($dry_run) {
        SKIP: { Test::More::skip("$desc: $dry_run", 1) }
        return;
    }

    $sql = $sql->[$req_idx] if ref $sql eq 'ARRAY';
    my $want = $block->sql_check_out // '';
    $want = $want->[$req_idx] if ref $want eq 'ARRAY';
    s/^\s+|\s+$//g for $sql, $want;

    my $got = eval { oz_psql($sql) };
    if (!defined $got) {
        Test::More::fail($desc);
        Test::More::diag("sql_check failed: $@");
        return;
    }

    $got =~ s/^\s+|\s+$//g;
    Test::More::is($got, $want, $desc);
}

sub json_checks {
    my ($block, $body, $req_idx, $rep_idx, $dry_run) = @_;
    my $subset = $block->json_subset;
    my $absent = $block->json_absent;
    return unless defined $subset || defined $absent;

    my $name = $block->name;
    my $sfx = "(repeated req $rep_idx, req $req_idx)";
    local $Test::Builder::Level = $Test::Builder::Level + 1;

    if ($dry_run) {
        my $n = (defined $subset ? 1 : 0) + (defined $absent ? 1 : 0);
        SKIP: { Test::More::skip("$name - tests skipped due to $dry_run", $n) }
        return;
    }

    my $doc = eval { $JSON->decode($body // '') };
    (my $parse_error = $@) =~ s/ at \S+ line \d+\.?\s*$//;

    for my $section (['json_subset', $subset], ['json_absent', $absent]) {
        my ($what, $spec) = @$section;
        # an eval array: one per request, undef for none
        $spec = $spec->[$req_idx] if ref $spec eq 'ARRAY';
        next unless defined $spec;
        my $desc = "$name - $what ok $sfx";
        if ($parse_error) {
            Test::More::fail($desc);
            Test::More::diag("response body is not JSON: $parse_error\n"
                             . "body: " . shorten($body // '', 1000));
            next;
        }
        my $problem = $what eq 'json_subset'
            ? subset_problem($spec, $doc) : absent_problem($spec, $doc);
        Test::More::ok(!defined $problem, $desc)
            or Test::More::diag("$problem\nresponse: "
                                . shorten($body, 1000));
    }
}

sub expand_env {
    my ($text) = @_;
    $text =~ s{\$(TEST_NGINX_[_A-Z0-9]+)}{
        defined $ENV{$1} ? $ENV{$1}
                         : die "No environment $1 defined.\n"
    }ge;
    return $text;
}

sub subset_problem {
    my ($spec, $doc) = @_;
    my $expected = $spec;
    if (!ref $spec) {
        $expected = eval { $JSON->decode(expand_env($spec)) };
        return "--- json_subset is not valid JSON: "
            . ($@ =~ s/ at \S+ line \d+\.?\s*$//r) if $@;
    }
    return subset_diff($expected, $doc, '');
}

# undef if $got contains $exp; else "path: what differs".
sub subset_diff {
    my ($exp, $got, $path) = @_;
    my $where = length $path ? $path : '(root)';
    my $mismatch = sub {
        return "$where: expected $_[0], got " . show($got);
    };

    if (ref $exp eq 'HASH') {
        return $mismatch->('an object') unless ref $got eq 'HASH';
        for my $key (sort keys %$exp) {
            my $p = length $path ? "$path.$key" : $key;
            return "$p: missing (expected " . show($exp->{$key}) . ")"
                unless exists $got->{$key};
            my $d = subset_diff($exp->{$key}, $got->{$key}, $p);
            return $d if defined $d;
        }
        return undef;
    }

    if (ref $exp eq 'ARRAY') {
        return $mismatch->('an array') unless ref $got eq 'ARRAY';
        return $mismatch->('an array of ' . @$exp . ' element(s)')
            unless @$exp == @$got;
        for my $i (0 .. $#$exp) {
            my $d = subset_diff($exp->[$i], $got->[$i],
                                length $path ? "$path.$i" : $i);
            return $d if defined $d;
        }
        return undef;
    }

    if (ref $exp eq 'Regexp') {
        return stringify($got) =~ $exp ? undef
            : $mismatch->("a value matching $exp");
    }

    my $type = json_type($exp);
    if ($type eq 'string' && $exp =~ m{^/(.*)/\z}s) {
        my $re = $1;
        return stringify($got) =~ /$re/ ? undef
            : $mismatch->("a value matching /$re/");
    }

    my $got_type = json_type($got);
    return $mismatch->(show($exp)) unless $got_type eq $type;
    my $equal = $type eq 'null'    ? 1
              : $type eq 'boolean' ? !!$exp == !!$got
              : $type eq 'number'  ? $exp == $got
              :                      $exp eq $got;
    return $equal ? undef : $mismatch->(show($exp));
}

# The JSON type of a decoded value. Numbers and strings are told apart
# the way JSON::PP encodes them, on a copy so the flags stay untouched.
sub json_type {
    my ($v) = @_;
    return 'null' unless defined $v;
    return 'boolean' if JSON::PP::is_bool($v);
    return 'object' if ref $v eq 'HASH';
    return 'array' if ref $v eq 'ARRAY';
    my $copy = $v;
    return $JSON->encode($copy) =~ /^"/ ? 'string' : 'number';
}

# What a /regex/ expectation is matched against.
sub stringify {
    my ($v) = @_;
    my $type = json_type($v);
    return 'null' if $type eq 'null';
    return $v ? 'true' : 'false' if $type eq 'boolean';
    return $JSON->encode($v) if $type eq 'object' || $type eq 'array';
    my $copy = $v;
    return "$copy";
}

sub show {
    my ($v) = @_;
    return shorten(JSON::PP->new->canonical->allow_nonref->encode($v), 300);
}

sub shorten {
    my ($s, $max) = @_;
    return length $s > $max ? substr($s, 0, $max) . '...' : $s;
}

sub absent_problem {
    my ($spec, $doc) = @_;
    my @paths = ref $spec eq 'ARRAY' ? @$spec
        : grep { length && !/^#/ } map { s/^\s+|\s+$//gr } split /\n/, $spec;
    my @present;
    for my $path (@paths) {
        my ($found, $value) = lookup_path($doc, $path);
        push @present, "$path: present (" . show($value) . ")" if $found;
    }
    return @present ? join("\n", "must be absent:", @present) : undef;
}

# Follows a dotted path ("results.2.secret"); returns (found, value).
sub lookup_path {
    my ($doc, $path) = @_;
    my $node = $doc;
    for my $step (split /\./, $path, -1) {
        if (ref $node eq 'HASH') {
            return (0) unless exists $node->{$step};
            $node = $node->{$step};
        } elsif (ref $node eq 'ARRAY') {
            return (0) unless $step =~ /^\d+$/ && $step < @$node;
            $node = $node->[$step];
        } else {
            return (0);
        }
    }
    return (1, $node);
}

1;
