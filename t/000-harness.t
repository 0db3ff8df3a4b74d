# Self-test of the test runner (t/lib/bundled/Test/Nginx/Socket.pm) and of the
# JSON checks of t/lib/OZ/Test.pm, with stock nginx features only: no
# project module, no database.
use strict;
use warnings;
use lib 't/lib';
use IO::Socket::INET;
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

repeat_each(2);
no_shuffle();

# An upstream that accepts TCP connections (the kernel does, through the
# listen backlog) but never answers: requests proxied to it hang, which
# is what the --- abort test needs.
our $Silent = IO::Socket::INET->new(
    Listen    => 8,
    LocalAddr => '127.0.0.1',
    LocalPort => 0,
    Proto     => 'tcp',
    ReuseAddr => 1,
) or die "cannot listen: $!";
$ENV{TEST_NGINX_SILENT_PORT} = $Silent->sockport;

# Unless a block checks the error log itself, nothing may go badly wrong.
add_block_preprocessor(sub {
    my $block = shift;
    if (!defined $block->error_log && !defined $block->no_error_log) {
        $block->set_value(no_error_log => "[alert]\n[emerg]\n[crit]");
    }
});

# Remember the worker pid reported by the "pid" blocks, to check that
# nginx is not restarted between blocks with an identical config.
our %WorkerPid;
add_response_body_check(sub {
    my ($block, $body, $req_idx, $repeated_req_idx, $dry_run) = @_;
    return unless $block->name =~ /same config/;
    push @{ $WorkerPid{$block->name} }, $body;
});

run_tests();

my @pids = map { @{ $WorkerPid{$_} } } sort keys %WorkerPid;
is(scalar(@pids), 4, 'both "same config" blocks ran twice');

# Keeping nginx running across blocks is an optimisation of the bundled
# runner; the real Test::Nginx restarts it for every block.
SKIP: {
    skip 'nginx reuse is specific to the bundled runner', 1
        unless $INC{'Test/Nginx/Socket.pm'} =~ m{(^|/)t/lib/bundled/};
    is(scalar(keys %{{ map { $_ => 1 } @pids }}), 1,
       'nginx was not restarted between blocks with the same config');
}

__DATA__

=== TEST 1: status, body and headers
--- config
    location = /t {
        add_header X-Test "yes";
        return 200 "hello\n";
    }
--- request
GET /t
--- response_body
hello
--- response_headers
X-Test: yes
Content-Type: text/plain
Content-Length: 6
!X-Not-There
--- no_error_log
[error]



=== TEST 2: response_body_like, headers_like, raw headers
--- config
    location = /t {
        add_header X-Number 12345;
        return 200 "the answer is 42\n";
    }
--- request
GET /t
--- response_body_like: answer is \d+$
--- response_body_unlike: ^the question
--- response_headers_like
X-Number: \d+
Server: nginx/[\d.]+
--- raw_response_headers_like: ^HTTP/1\.1 200 OK\r\n



=== TEST 3: more_headers with eval; $TEST_NGINX_ env expansion in the config, not in more_headers
# As in Test::Nginx: $TEST_NGINX_* is expanded in the nginx.conf sections
# only; a header that names one is sent as written.
--- config
    location = /t {
        return 200 "$http_x_foo $http_x_bar port=$TEST_NGINX_SERVER_PORT\n";
    }
--- request
GET /t
--- more_headers eval
"X-Foo: " . ("a" x 3) . "\nX-Bar: \$TEST_NGINX_SERVER_PORT"
--- response_body_like eval
qr/^aaa \$TEST_NGINX_SERVER_PORT port=\Q$ENV{TEST_NGINX_SERVER_PORT}\E\n\z/



=== TEST 4: POST body (section trailing newline is not sent)
--- config
    location = /post {
        client_body_in_single_buffer on;
        proxy_pass http://$server_addr:$server_port/echo_body;
        proxy_set_header X-Body $request_body;
    }
    location = /echo_body {
        return 200 "$request_method $http_x_body|$http_content_length\n";
    }
--- request
POST /post
{"a":1}
--- response_body
POST {"a":1}|7



=== TEST 5: HEAD has no body
--- config
    location = /t {
        return 200 "hello\n";
    }
--- request
HEAD /t
--- response_headers
Content-Length: 6
--- response_body chomp



=== TEST 6: error_code 404 and error_log
--- config
--- request
GET /does-not-exist.html
--- error_code: 404
--- response_body_like: 404 Not Found
--- error_log
No such file or directory
--- no_error_log
[alert]



=== TEST 7: pipelined requests on one connection
--- config
    location = /a {
        return 200 "a\n";
    }
    location = /b {
        add_header X-B b;
        return 201 "b\n";
    }
--- pipelined_requests eval
["GET /a", "GET /b", "HEAD /a"]
--- error_code eval
[200, 201, 200]
--- response_body eval
["a\n", "b\n", ""]
--- response_headers eval
["!X-B", "X-B: b", "Content-Length: 2"]



=== TEST 8: several requests (eval array), each on its own connection; the error log is checked after each
--- config
    location = /a {
        return 200 "a\n";
    }
--- request eval
["GET /nope", "GET /a", "GET /nope2"]
--- error_code eval
[404, 200, 404]
--- response_body_like eval
[qr/404 Not Found/, qr/^a$/, qr/404 Not Found/]
--- error_log
GET /



=== TEST 9: init and user_files create files under html_dir
--- config
--- init
open my $fh, '>', html_dir() . "/init.txt" or die $!;
print $fh "from init\n";
close $fh;
--- user_files
>>> sub/user.txt
from user_files
--- request eval
["GET /init.txt", "GET /sub/user.txt"]
--- response_body eval
["from init\n", "from user_files\n"]



=== TEST 10: chunked response (SSI drops Content-Length)
--- config
    location = /t {
        ssi on;
        ssi_types text/plain;
        return 200 'x<!--# echo var="uri" -->y';
    }
--- request
GET /t
--- response_headers
Transfer-Encoding: chunked
!Content-Length
--- response_body chomp
x/ty



=== TEST 11: raw_request, HTTP/1.0
--- config
    location = /t {
        return 200 "$server_protocol\n";
    }
--- raw_request eval
"GET /t HTTP/1.0\r\nHost: localhost\r\n\r\n"
--- response_body
HTTP/1.0



=== TEST 12: abort: the client gives up after the timeout
--- config
    location = /slow {
        proxy_pass http://127.0.0.1:$TEST_NGINX_SILENT_PORT;
        proxy_read_timeout 60s;
    }
--- request
GET /slow
--- timeout: 0.5
--- abort
--- ignore_response
--- wait: 0.1
--- error_log
client prematurely closed connection
--- no_error_log
[error]



=== TEST 13: json_subset and json_absent
--- config
    location = /json {
        default_type application/json;
        return 200 '{"a":[1,{"b":"x","c":null}],"t":true,"s":"1","n":2.5}';
    }
--- request
GET /json
--- json_subset
{"a": [1, {"b": "/^x$/", "c": null}], "t": true, "s": "1", "n": 2.5}
--- json_absent
a.1.d
secret
a.2
t.x



=== TEST 14: json_subset from eval, oz_bearer() in more_headers eval
--- config
    location = /t {
        default_type application/json;
        return 200 '{"auth":"$http_authorization","port":$server_port}';
    }
--- request
GET /t
--- more_headers eval
oz_bearer(iat => 1000)
--- json_subset eval
{
    auth => qr/^Bearer eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{43}$/,
    port => OZ::Test::oz_port() + 0,
}



=== TEST 15: same config (1)
--- config
    location = /pid {
        return 200 $pid;
    }
--- request
GET /pid
--- response_body_like: ^\d+$



=== TEST 16: same config (2)
--- config
    location = /pid {
        return 200 $pid;
    }
--- request
GET /pid
--- response_body_like: ^\d+$
