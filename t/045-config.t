# Configuration errors of the module's directives, checked with
# "nginx -t" on small generated configs (nginx must refuse them, with a
# message that says what is wrong), and one complete valid configuration.
#
# No Test::Nginx blocks: these configs must not start. Each case gets its
# own prefix in a temp directory (pid, logs, temp paths inside it), so
# nothing outside it is touched.
use strict;
use warnings;
use File::Path ();
use File::Temp ();
use Test::More;

my $nginx  = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my $module = $ENV{TEST_NGINX_OZ_MODULE};

plan skip_all => 'TEST_NGINX_OZ_MODULE is not set (run through make test)'
    unless $module;
plan skip_all => "the module $module does not exist" unless -f $module;
plan skip_all => "no nginx at $nginx" unless -x $nginx;

my $DB = 'host=/nonexistent port=5432 dbname=openzaak user=openzaak';
my $tmp = File::Temp::tempdir('oz-045-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $n = 0;

# Writes a config with $http in the http block and $server in a server
# block and runs nginx -t on it. Returns (exit status, output).
sub nginx_t {
    my (%a) = @_;
    my $dir = "$tmp/" . ++$n;
    File::Path::make_path("$dir/conf", "$dir/logs");
    my $conf = <<"_CONF_";
load_module $module;
pid $dir/logs/nginx.pid;
error_log $dir/logs/error.log;
@{[ $a{main} // '' ]}
events {
    worker_connections 64;
}
http {
    access_log $dir/logs/access.log;
    client_body_temp_path $dir/client_body_temp;
    proxy_temp_path $dir/proxy_temp;
    fastcgi_temp_path $dir/fastcgi_temp;
    uwsgi_temp_path $dir/uwsgi_temp;
    scgi_temp_path $dir/scgi_temp;
@{[ $a{http} // '' ]}
    server {
        listen 127.0.0.1:1;
        server_name localhost;
@{[ $a{server} // '' ]}
    }
}
_CONF_
    open my $fh, '>', "$dir/conf/nginx.conf" or die "$dir: $!";
    print {$fh} $conf;
    close $fh;

    # Under make test-asan: nginx -t returns from main() without freeing
    # the configuration it built (the process ends anyway), so
    # LeakSanitizer would report all of it. Memory errors and undefined
    # behaviour are still reported, and fail the case below.
    local $ENV{ASAN_OPTIONS} = "$ENV{ASAN_OPTIONS}:detect_leaks=0"
        if defined $ENV{ASAN_OPTIONS};
    my %before = map { $_ => -s $_ } sanitizer_reports();

    # -e: the error log nginx uses before it has read the config.
    my $out = `'$nginx' -p '$dir/' -e '$dir/logs/error.log' -c conf/nginx.conf -t 2>&1`;
    my $rc = $? >> 8;

    for my $file (sanitizer_reports()) {
        next if defined $before{$file} && $before{$file} == -s $file;
        fail("config $n: nginx -t wrote a sanitizer report: $file");
        diag(do { local (@ARGV, $/) = $file; <> });
    }
    return ($rc, $out);
}

# The report files of an ASan/UBSan build (see docs/testing.md).
sub sanitizer_reports {
    my $dir = $ENV{TEST_NGINX_SANITIZER_LOG_DIR} or return ();
    return grep { -f $_ } glob "$dir/*";
}

# nginx -t must fail, with a message matching $re.
sub refused {
    my ($name, $re, %conf) = @_;
    my ($rc, $out) = nginx_t(%conf);
    isnt($rc, 0, "$name: nginx -t fails") or diag($out);
    like($out, $re, "$name: the message says why") or diag($out);
}

sub accepted {
    my ($name, %conf) = @_;
    my ($rc, $out) = nginx_t(%conf);
    is($rc, 0, "$name: nginx -t passes") or diag($out);
    like($out, qr/test is successful/, "$name: test is successful")
        or diag($out);
}

my $API = "location /autorisaties/api/v1 { openzaak_api autorisaties; }";

# --- the baseline ------------------------------------------------------

accepted('the module loaded, no directives');

accepted('one API with a database', http => "openzaak_db \"$DB\";",
         server => $API);

accepted('a database but no API location (the module stays idle)',
         http => "openzaak_db \"$DB\";");

accepted('every directive, each where it may be used',
    http => <<"_HTTP_",
    openzaak_db "$DB";
    openzaak_db_pool_size 4;
    openzaak_db_queue 64;
    openzaak_db_wait_timeout 2s;
    openzaak_db_query_timeout 10s;
    openzaak_db_idle_timeout 30s;
    openzaak_db_connect_timeout 3s;
    openzaak_db_max_lifetime 30m;
    openzaak_db_prepared_statements 64;
    openzaak_auth_cache_size 100;
    openzaak_jwt_cache_size 100;
    openzaak_base_url https://zaken.example.nl;
    openzaak_jwt_expiry 1h;
    openzaak_jwt_leeway 5s;
    openzaak_jwt_clock_skew 1m;
    openzaak_selectielijst_url https://selectielijst.openzaak.nl/api/v1;
    openzaak_selectielijst_location /_sl;
    openzaak_json_max_values 5000;
    openzaak_json_max_items 500;
    openzaak_catalogi_publish_minimums off;
    openzaak_catalogi_forced_scopes implied;
_HTTP_
    server => <<'_SERVER_');
        openzaak_base_url http://example.org:8080/prefix/;
        openzaak_jwt_expiry 30m;
        openzaak_jwt_leeway 0;
        openzaak_jwt_clock_skew 0;
        openzaak_selectielijst_url http://127.0.0.1:18101/api/v1/;
        openzaak_selectielijst_location /_sl/;
        location /autorisaties/api/v1 {
            openzaak_api autorisaties;
            openzaak_base_url https://zaken.example.nl/api;
            openzaak_jwt_expiry 3600;
            openzaak_jwt_leeway 10;
            openzaak_jwt_clock_skew 30;
            openzaak_selectielijst_url https://sl.example.nl/api/v1;
            openzaak_selectielijst_location /_openzaak/sl;
        }
        location /zaken/api/v1 { openzaak_api zaken; }
        location /catalogi/api/v1 {
            openzaak_api catalogi;
            openzaak_catalogi_publish_minimums on;
            openzaak_catalogi_forced_scopes named;
        }
        location /documenten/api/v1 { openzaak_api documenten; }
        location /besluiten/api/v1 { openzaak_api besluiten; }
_SERVER_

refused('openzaak_catalogi_forced_scopes takes named or implied',
        qr/invalid value "all" in /,
        http => "openzaak_db \"$DB\"; openzaak_catalogi_forced_scopes all;",
        server => $API);

refused('openzaak_catalogi_publish_minimums takes on or off',
        qr/invalid value "yes" in "openzaak_catalogi_publish_minimums"/,
        http => "openzaak_db \"$DB\"; openzaak_catalogi_publish_minimums yes;",
        server => $API);

accepted('queue size 0 (never wait for a connection)',
         http => "openzaak_db \"$DB\"; openzaak_db_queue 0;",
         server => $API);

accepted('max lifetime off, and one prepared statement',
         http => "openzaak_db \"$DB\"; openzaak_db_max_lifetime off;"
                 . " openzaak_db_prepared_statements 1;",
         server => $API);

accepted('max lifetime 0',
         http => "openzaak_db \"$DB\"; openzaak_db_max_lifetime 0;",
         server => $API);

accepted('pool size 1000 (the maximum)',
         http => "openzaak_db \"$DB\"; openzaak_db_pool_size 1000;",
         server => $API);

# --- openzaak_db -------------------------------------------------------

refused('openzaak_api without openzaak_db', qr/openzaak_db/,
        server => $API);

refused('openzaak_api with an empty openzaak_db', qr/openzaak_db/,
        http => 'openzaak_db "";', server => $API);

refused('openzaak_db in a server block', qr/"openzaak_db" directive is not allowed here/,
        http => '', server => "openzaak_db \"$DB\"; $API");

refused('openzaak_db twice', qr/"openzaak_db" directive is duplicate/,
        http => "openzaak_db \"$DB\"; openzaak_db \"$DB\";",
        server => $API);

# A conninfo libpq cannot parse would only be noticed by each worker at
# start (which then exits for good): nginx -t must say so.
refused('openzaak_db that libpq cannot parse', qr/openzaak_db/,
        http => 'openzaak_db "host=/tmp dbname";', server => $API);

refused('openzaak_db with an unknown conninfo keyword', qr/openzaak_db/,
        http => 'openzaak_db "host=/tmp nosuchkeyword=1";', server => $API);

# --- openzaak_api ------------------------------------------------------

refused('openzaak_api foo', qr/unknown API "foo"/,
        http => "openzaak_db \"$DB\";",
        server => 'location /foo { openzaak_api foo; }');

refused('openzaak_api twice in one location', qr/"openzaak_api" directive is duplicate/,
        http => "openzaak_db \"$DB\";",
        server => 'location /a { openzaak_api zaken; openzaak_api zaken; }');

refused('openzaak_api in a server block', qr/"openzaak_api" directive is not allowed here/,
        http => "openzaak_db \"$DB\";", server => 'openzaak_api zaken;');

refused('openzaak_api without an argument', qr/invalid number of arguments in "openzaak_api"/,
        http => "openzaak_db \"$DB\";",
        server => 'location /a { openzaak_api; }');

# --- openzaak_base_url -------------------------------------------------

for my $url ('ftp://x', 'zaken.example.nl', '/prefix', 'http://', 'https://',
             'HTTP:/x')
{
    refused("openzaak_base_url $url", qr/must start with http:\/\/ or https:\/\//,
            http => "openzaak_db \"$DB\";",
            server => "openzaak_base_url $url; $API");
}

refused('openzaak_base_url twice on one level', qr/"openzaak_base_url" directive is duplicate/,
        http => "openzaak_db \"$DB\";",
        server => "openzaak_base_url https://a.example; "
                  . "openzaak_base_url https://b.example; $API");

# --- the Selectielijst -------------------------------------------------

for my $url ('selectielijst.openzaak.nl/api/v1', 'ftp://x', 'https://') {
    refused("openzaak_selectielijst_url $url",
            qr/openzaak_selectielijst_url .* must start with http:\/\/ or https:\/\//,
            http => "openzaak_db \"$DB\";",
            server => "openzaak_selectielijst_url $url; $API");
}

refused('openzaak_selectielijst_url twice on one level',
        qr/"openzaak_selectielijst_url" directive is duplicate/,
        http => "openzaak_db \"$DB\";",
        server => "openzaak_selectielijst_url https://a.example; "
                  . "openzaak_selectielijst_url https://b.example; $API");

for my $uri ('_openzaak/selectielijst', '@sl', '""') {
    refused("openzaak_selectielijst_location $uri", qr/must start with \//,
            http => "openzaak_db \"$DB\";",
            server => "openzaak_selectielijst_location $uri; $API");
}

# --- numbers and times --------------------------------------------------

# nginx's bounds check names the value and the line, not the directive
refused('openzaak_db_pool_size 0', qr/value must be between 1 and 1000/,
        http => "openzaak_db \"$DB\"; openzaak_db_pool_size 0;",
        server => $API);

refused('openzaak_db_pool_size 1001', qr/value must be between 1 and 1000/,
        http => "openzaak_db \"$DB\"; openzaak_db_pool_size 1001;",
        server => $API);

refused('openzaak_db_pool_size ten', qr/invalid number/,
        http => "openzaak_db \"$DB\"; openzaak_db_pool_size ten;",
        server => $API);

refused('openzaak_db_prepared_statements 0',
        qr/value must be between 1 and 100000/,
        http => "openzaak_db \"$DB\"; openzaak_db_prepared_statements 0;",
        server => $API);

refused('openzaak_db_max_lifetime off twice',
        qr/"openzaak_db_max_lifetime" directive is duplicate/,
        http => "openzaak_db \"$DB\"; openzaak_db_max_lifetime 1h;"
                . " openzaak_db_max_lifetime off;",
        server => $API);

refused('openzaak_db_queue -1', qr/invalid number|openzaak_db_queue/,
        http => "openzaak_db \"$DB\"; openzaak_db_queue -1;",
        server => $API);

for my $d (qw(openzaak_db_wait_timeout openzaak_db_query_timeout
              openzaak_db_idle_timeout openzaak_db_connect_timeout
              openzaak_db_max_lifetime))
{
    refused("$d soon", qr/invalid value|"$d"/,
            http => "openzaak_db \"$DB\"; $d soon;", server => $API);
    refused("$d in a server block", qr/"$d" directive is not allowed here/,
            http => "openzaak_db \"$DB\";", server => "$d 1s; $API");
}

refused('openzaak_auth_cache_size lots', qr/invalid number/,
        http => "openzaak_db \"$DB\"; openzaak_auth_cache_size lots;",
        server => $API);

accepted('openzaak_jwt_cache_size 0 (no token cache)',
         http => "openzaak_db \"$DB\"; openzaak_jwt_cache_size 0;",
         server => $API);

refused('openzaak_jwt_cache_size 1000001', qr/value must be between 0 and 1000000/,
        http => "openzaak_db \"$DB\"; openzaak_jwt_cache_size 1000001;",
        server => $API);

refused('openzaak_jwt_cache_size -1', qr/invalid number/,
        http => "openzaak_db \"$DB\"; openzaak_jwt_cache_size -1;",
        server => $API);

refused('openzaak_jwt_cache_size in a server block',
        qr/"openzaak_jwt_cache_size" directive is not allowed here/,
        http => "openzaak_db \"$DB\";",
        server => "openzaak_jwt_cache_size 10; $API");

for my $d (qw(openzaak_jwt_expiry openzaak_jwt_leeway openzaak_jwt_clock_skew))
{
    refused("$d forever", qr/invalid value|"$d"/,
            http => "openzaak_db \"$DB\";",
            server => "location /a { openzaak_api zaken; $d forever; }");
}

done_testing();
