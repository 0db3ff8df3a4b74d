# Generic HTTP behaviour of API locations: the API-version header on every
# answer (200, 201, 400, 403, 404, 405, 413, 415, nginx's own errors); 404
# and 405 problems before authentication; a refused request is not
# executed; the API root; HEAD; keep-alive; rendered URLs from the
# request (Host, no Host, absolute-form target) or from openzaak_base_url
# (http, server, location level): url, Location, next/previous, problem
# type; nginx's own errors inside an API location (413 with Content-Length
# or chunked, 400 for a bad chunked body) as problem+json; bodies kept in
# temp files; and locations without openzaak_api left alone.
#
# Most blocks use the Autorisaties API; the ones that need a client
# create a superuser ("super"/"s3cret") in --- init.
use strict;
use warnings;
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();

# The API location plus a plain one in the same server (not an API
# location: nginx's own answers must stay as they are).
oz_setup(
    apis   => ['autorisaties'],
    server => "location /plain { client_max_body_size 1k; return 404; }\n",
);

# Unless a block says otherwise, nothing may go badly wrong in the log.
add_block_preprocessor(sub {
    my $block = shift;
    if (!defined $block->no_error_log) {
        $block->set_value(no_error_log => "[alert]\n[emerg]\n[crit]");
    }
});

our $UUID = '11111111-2222-4333-8444-555555555555';

# Sends one request on its own connection (Connection: close) and reads
# until the server closes it. Used by --- init code that compares two
# answers or must see the bytes on the wire. Returns
# { status, headers => {lc name => value}, head, body }.
sub T030::http {
    my (%a) = @_;
    require IO::Socket::INET;
    require IO::Select;
    require Time::HiRes;
    my $port = OZ::Test::oz_port();
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => $port, Proto => 'tcp',
                                     Timeout => 5)
        or die "cannot connect to 127.0.0.1:$port: $@\n";
    binmode $sock;
    my $body = $a{body} // '';
    my $req = "$a{method} $a{path} HTTP/1.1\r\nHost: "
        . ($a{host} // 'localhost') . "\r\nConnection: close\r\n";
    $req .= "$_\r\n" for @{ $a{headers} || [] };
    $req .= 'Content-Length: ' . length($body) . "\r\n" if length $body;
    $req .= "\r\n$body";
    syswrite($sock, $req) == length $req or die "short write\n";

    my $buf = '';
    my $sel = IO::Select->new($sock);
    my $deadline = Time::HiRes::time() + ($a{timeout} // 5);
    for (;;) {
        my $left = $deadline - Time::HiRes::time();
        die "no complete answer to $a{method} $a{path}\n"
            if $left <= 0 || !$sel->can_read($left);
        my $n = sysread $sock, $buf, 65536, length $buf;
        last if !$n;
    }
    close $sock;

    my ($head, $rest) = split /\r\n\r\n/, $buf, 2;
    my @lines = split /\r\n/, $head // '';
    my ($status) = (shift(@lines) // '') =~ m{^HTTP/\d\.\d (\d{3})};
    my %h;
    for (@lines) {
        my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
        $h{lc $k} = defined $h{lc $k} ? "$h{lc $k}, $v" : $v;
    }
    return { status => $status, headers => \%h, head => $head,
             body => $rest // '' };
}

# HEAD must answer exactly what GET answers, without the body: same
# status and headers (Date aside), and no byte after the header block.
sub T030::head_matches_get {
    my ($path, @headers) = @_;
    my $get  = T030::http(method => 'GET',  path => $path,
                          headers => \@headers);
    my $head = T030::http(method => 'HEAD', path => $path,
                          headers => \@headers);
    my %g = %{ $get->{headers} };
    my %h = %{ $head->{headers} };
    delete $g{date};
    delete $h{date};
    Test::More::is($head->{status}, $get->{status},
                   "HEAD $path: same status as GET");
    Test::More::is_deeply(\%h, \%g, "HEAD $path: same headers as GET");
    Test::More::is($h{'content-length'}, length($get->{body}),
                   "HEAD $path: Content-Length of the GET body");
    Test::More::is($head->{body}, '', "HEAD $path: no body on the wire");
}

# Locations (and http block) with openzaak_base_url.
our $BASE_URL_LOCATION = <<'_NGX_';
    location /autorisaties/api/v1 {
        openzaak_api autorisaties;
        openzaak_base_url https://zaken.example.nl/prefix;
        client_max_body_size 1k;
    }
_NGX_

our $BASE_URL_HTTP = <<'_NGX_';
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_base_url https://zaken.example.nl/prefix;
_NGX_

run_tests();

__DATA__

=== TEST 1: API root: collections as absolute URLs, no authentication
--- request
GET /autorisaties/api/v1
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- response_body chomp
{"applicaties":"http://localhost/autorisaties/api/v1/applicaties"}



=== TEST 2: API root with a trailing slash
--- request
GET /autorisaties/api/v1/
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- response_body chomp
{"applicaties":"http://localhost/autorisaties/api/v1/applicaties"}



=== TEST 3: API root: POST is 405 with Allow and a filled-in detail
--- request
POST /autorisaties/api/v1
{}
--- more_headers
Content-Type: application/json
--- error_code: 405
--- response_headers
Content-Type: application/problem+json
Allow: GET, HEAD
API-version: 1.0.0
--- json_subset
{"code": "method_not_allowed", "status": 405,
 "title": "Methode \"{method}\" niet toegestaan.",
 "detail": "Methode \"POST\" niet toegestaan.",
 "type": "/\\/ref\\/fouten\\/MethodNotAllowed\\/$/"}



=== TEST 4: unknown paths below the API root are 404 problems (no token)
--- request eval
[
    "GET /autorisaties/api/v1/foo",
    "GET /autorisaties/api/v1/applicaties/",
    "GET /autorisaties/api/v1/applicaties/$main::UUID/",
    "GET /autorisaties/api/v1/applicaties/$main::UUID/x",
    "GET /autorisaties/api/v1/applicaties/$main::UUID/x/y",
    "GET /autorisaties/api/v1/applicaties/not-a-uuid",
    "GET /autorisaties/api/v1foo",
    "GET /autorisaties/api/v1/foo/bar/baz/qux/quux",
    "DELETE /autorisaties/api/v1/foo",
]
--- error_code eval
[(404) x 9]
--- response_headers eval
[(<<'_OZ_EACH_') x 9]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- json_subset
{"code": "not_found", "title": "Niet gevonden.", "status": 404,
 "type": "/^http:\\/\\/localhost\\/ref\\/fouten\\/NotFound\\/$/",
 "instance": "/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/"}



=== TEST 5: unknown path with a valid token: still 404
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
--- request
GET /autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555/x/y
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 404
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "not_found", "title": "Niet gevonden.", "status": 404}



=== TEST 6: an unknown object is a 404 problem too
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
--- request
GET /autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 404
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "not_found", "status": 404,
 "type": "/\\/ref\\/fouten\\/NotFound\\/$/"}



=== TEST 7: 405 on a collection, before authentication
--- request
DELETE /autorisaties/api/v1/applicaties
--- error_code: 405
--- response_headers
Content-Type: application/problem+json
Allow: GET, POST, HEAD
API-version: 1.0.0
--- json_subset
{"code": "method_not_allowed", "status": 405,
 "title": "Methode \"{method}\" niet toegestaan.",
 "detail": "Methode \"DELETE\" niet toegestaan.",
 "type": "/^http:\\/\\/localhost\\/ref\\/fouten\\/MethodNotAllowed\\/$/",
 "instance": "/^urn:uuid:/"}



=== TEST 8: 405 on an object (POST), before authentication
--- request
POST /autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555
{}
--- more_headers
Content-Type: application/json
--- error_code: 405
--- response_headers
Content-Type: application/problem+json
Allow: GET, PUT, PATCH, DELETE, HEAD
API-version: 1.0.0
--- json_subset
{"code": "method_not_allowed",
 "title": "Methode \"{method}\" niet toegestaan.",
 "detail": "Methode \"POST\" niet toegestaan."}



=== TEST 9: 405 for a method nginx does not know
--- request
FOO /autorisaties/api/v1/applicaties
--- error_code: 405
--- response_headers
Content-Type: application/problem+json
Allow: GET, POST, HEAD
API-version: 1.0.0
--- json_subset
{"code": "method_not_allowed", "detail": "Methode \"FOO\" niet toegestaan."}



=== TEST 10: 405 on the OAS document, with the method in the detail
--- request
PUT /autorisaties/api/v1/openapi.yaml
{}
--- more_headers
Content-Type: application/json
--- error_code: 405
--- response_headers
Content-Type: application/problem+json
Allow: GET, HEAD
API-version: 1.0.0
--- json_subset
{"code": "method_not_allowed",
 "title": "Methode \"{method}\" niet toegestaan.",
 "detail": "Methode \"PUT\" niet toegestaan."}



=== TEST 11: no token on a collection: 403, with API-version
--- request
GET /autorisaties/api/v1/applicaties
--- error_code: 403
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "permission_denied", "status": 403}



=== TEST 12: a refused request does nothing (403 means not executed)
A POST without a token is answered 403; the create must not run anyway.
The pool is warmed up first so that a wrongly started query would run.
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret',
                    uuid => $main::UUID);
my $auth = OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret');
T030::http(method => 'GET', path => '/autorisaties/api/v1/applicaties',
           headers => [$auth]);
my $res = T030::http(method => 'POST',
    path => '/autorisaties/api/v1/applicaties',
    headers => ['Content-Type: application/json'],
    body => '{"clientIds": ["sneaky"], "label": "sneaky",'
            . ' "heeftAlleAutorisaties": true}');
Test::More::is($res->{status}, 403, 'POST without a token: 403');
Test::More::is(OZ::Test::oz_psql("SELECT count(*) FROM autorisaties.applicatie"
                                 . " WHERE 'sneaky' = ANY (client_ids)"),
               0, 'POST without a token: nothing created');
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 200
--- json_subset
{"count": 1}



=== TEST 13: list with a superuser token; URLs from the request's Host
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret',
                    uuid => $main::UUID);
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
 "results": [{"url": "http://localhost/autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555"}]}



=== TEST 14: HEAD answers like GET without a body (root, list, object, 404, 403)
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret',
                    uuid => $main::UUID);
my $auth = OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret');
T030::head_matches_get('/autorisaties/api/v1');
T030::head_matches_get('/autorisaties/api/v1/applicaties', $auth);
T030::head_matches_get("/autorisaties/api/v1/applicaties/$main::UUID", $auth);
T030::head_matches_get('/autorisaties/api/v1/foo');
T030::head_matches_get('/autorisaties/api/v1/applicaties');
--- request
HEAD /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 200
--- response_headers
Content-Type: application/json
API-version: 1.0.0
--- response_headers_like
Content-Length: [1-9][0-9]*



=== TEST 15: Host with a port shows up in url
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret',
                    uuid => $main::UUID);
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
"Host: example.org:8080\n"
. OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 200
--- json_subset
{"results": [{"url": "http://example.org:8080/autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555"}]}



=== TEST 16: Host with a port shows up in the API root
--- request
GET /autorisaties/api/v1
--- more_headers
Host: example.org:8080
--- error_code: 200
--- json_subset
{"applicaties": "http://example.org:8080/autorisaties/api/v1/applicaties"}



=== TEST 17: Host with a port shows up in a problem type
--- request
GET /autorisaties/api/v1/foo
--- more_headers
Host: example.org:8080
--- error_code: 404
--- json_subset
{"type": "http://example.org:8080/ref/fouten/NotFound/"}



=== TEST 18: HTTP/1.0 without Host: still an absolute URL with a host
The request names no host at all; the rendered URL must still have one
(nginx's server name), never "http:///...".
--- raw_request eval
"GET /autorisaties/api/v1 HTTP/1.0\r\n\r\n"
--- error_code: 200
--- json_subset eval
{applicaties => qr{^http://localhost(:\d+)?/autorisaties/api/v1/applicaties$}}



=== TEST 19: absolute-form request target: its authority wins over Host
RFC 9112 3.2.2: a server MUST ignore the Host header field when the
request target is in absolute-form and use the target's authority.
--- raw_request eval
"GET http://abs.example/autorisaties/api/v1 HTTP/1.1\r\nHost: hdr.example\r\nConnection: close\r\n\r\n"
--- error_code: 200
--- json_subset
{"applicaties": "http://abs.example/autorisaties/api/v1/applicaties"}



=== TEST 20: keep-alive: problems and answers in a row on one connection
# (the HEAD last: upstream Test::Nginx reads pipelined answers by their
# Content-Length, which a HEAD answer announces but does not send)
--- pipelined_requests eval
[
    "GET /autorisaties/api/v1",
    "GET /autorisaties/api/v1/foo",
    "DELETE /autorisaties/api/v1/applicaties",
    "GET /autorisaties/api/v1/applicaties",
    "GET /autorisaties/api/v1/",
    "HEAD /autorisaties/api/v1",
]
--- error_code eval
[200, 404, 405, 403, 200, 200]
--- response_headers eval
[(<<'_OZ_EACH_') x 6]
API-version: 1.0.0
_OZ_EACH_




=== TEST 21: openzaak_base_url (location): url of an object, Host ignored
--- config eval: $main::BASE_URL_LOCATION
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret',
                    uuid => $main::UUID);
--- request
GET /autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555
--- more_headers eval
"Host: example.org:8080\n"
. OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 200
--- json_subset
{"url": "https://zaken.example.nl/prefix/autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555"}



=== TEST 22: openzaak_base_url (location): next and previous of a page
--- config eval: $main::BASE_URL_LOCATION
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret',
                    uuid => $main::UUID);
OZ::Test::oz_client(client_id => 'two', secret => 'x');
OZ::Test::oz_client(client_id => 'three', secret => 'x');
--- request
GET /autorisaties/api/v1/applicaties?pageSize=1&page=2
--- more_headers eval
"Host: example.org:8080\n"
. OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 200
--- json_subset eval
{count => 3,
 next => qr{^https://zaken\.example\.nl/prefix/autorisaties/api/v1/applicaties\?(page=3&pageSize=1|pageSize=1&page=3)$},
 previous => qr{^https://zaken\.example\.nl/prefix/autorisaties/api/v1/applicaties\?(pageSize=1|page=1&pageSize=1|pageSize=1&page=1)$},
 results => [{url => qr{^https://zaken\.example\.nl/prefix/autorisaties/api/v1/applicaties/[0-9a-f-]{36}$}}]}



=== TEST 23: openzaak_base_url (location): the API root
--- config eval: $main::BASE_URL_LOCATION
--- request
GET /autorisaties/api/v1
--- more_headers
Host: example.org:8080
--- error_code: 200
--- response_body chomp
{"applicaties":"https://zaken.example.nl/prefix/autorisaties/api/v1/applicaties"}



=== TEST 24: openzaak_base_url (location): problem types of 404, 405, 403, 413
--- config eval: $main::BASE_URL_LOCATION
--- request eval
[
    "GET /autorisaties/api/v1/foo",
    "DELETE /autorisaties/api/v1/applicaties",
    "GET /autorisaties/api/v1/applicaties",
    "POST /autorisaties/api/v1/applicaties\n" . '{"label":"' . ('x' x 2000) . '"}',
]
--- more_headers
Host: example.org:8080
Content-Type: application/json
--- error_code eval
[404, 405, 403, 413]
--- response_headers eval
[(<<'_OZ_EACH_') x 4]
Content-Type: application/problem+json
API-version: 1.0.0
_OZ_EACH_
--- response_body_like eval
[
    qr{"type":"https://zaken\.example\.nl/prefix/ref/fouten/NotFound/"},
    qr{"type":"https://zaken\.example\.nl/prefix/ref/fouten/MethodNotAllowed/"},
    qr{"type":"https://zaken\.example\.nl/prefix/ref/fouten/PermissionDenied/"},
    qr{"type":"https://zaken\.example\.nl/prefix/ref/fouten/RequestEntityTooLargeException/"},
]



=== TEST 25: openzaak_base_url (server, with a trailing slash): Location and url of a create
--- config
    openzaak_base_url https://zaken.example.nl/prefix/;
    location /autorisaties/api/v1 {
        openzaak_api autorisaties;
    }
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["created-1"], "label": "created", "heeftAlleAutorisaties": true}
--- more_headers eval
"Content-Type: application/json\n"
. OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 201
--- response_headers_like
Location: https://zaken\.example\.nl/prefix/autorisaties/api/v1/applicaties/[0-9a-f-]{36}
API-version: 1\.0\.0
--- json_subset eval
{url => qr{^https://zaken\.example\.nl/prefix/autorisaties/api/v1/applicaties/[0-9a-f-]{36}$}}



=== TEST 26: openzaak_base_url (http): url of a list
--- http_config eval: $main::BASE_URL_HTTP
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret',
                    uuid => $main::UUID);
--- request
GET /autorisaties/api/v1/applicaties
--- more_headers eval
OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 200
--- json_subset
{"results": [{"url": "https://zaken.example.nl/prefix/autorisaties/api/v1/applicaties/11111111-2222-4333-8444-555555555555"}]}



=== TEST 27: openzaak_base_url (http): API root and problem type
--- http_config eval: $main::BASE_URL_HTTP
--- request eval
[
    "GET /autorisaties/api/v1/",
    "GET /autorisaties/api/v1/applicaties/",
]
--- error_code eval
[200, 404]
--- response_body_like eval
[
    qr{^\{"applicaties":"https://zaken\.example\.nl/prefix/autorisaties/api/v1/applicaties"\}$},
    qr{"type":"https://zaken\.example\.nl/prefix/ref/fouten/NotFound/"},
]



=== TEST 28: 413 (Content-Length over client_max_body_size) is a problem
--- config
    location /autorisaties/api/v1 {
        openzaak_api autorisaties;
        client_max_body_size 1k;
    }
--- request eval
"POST /autorisaties/api/v1/applicaties\n" . '{"label":"' . ('x' x 2000) . '"}'
--- more_headers
Content-Type: application/json
--- error_code: 413
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "request_entity_too_large", "title": "Request entity too large",
 "status": 413,
 "type": "/^http:\\/\\/localhost\\/ref\\/fouten\\/RequestEntityTooLargeException\\/$/",
 "instance": "/^urn:uuid:/"}



=== TEST 29: 413 for a chunked body, sent at once
--- config
    location /autorisaties/api/v1 {
        openzaak_api autorisaties;
        client_max_body_size 1k;
    }
--- raw_request eval
my $json = '{"label":"' . ('x' x 2000) . '"}';
"POST /autorisaties/api/v1/applicaties HTTP/1.1\r\n"
. "Host: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
. sprintf("%x\r\n%s\r\n0\r\n\r\n", length $json, $json)
--- error_code: 413
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "request_entity_too_large", "title": "Request entity too large",
 "status": 413}



=== TEST 30: 413 for a chunked body that arrives after the headers
The limit is hit while nginx reads the body on its own (not inside the
content handler's first call).
--- config
    location /autorisaties/api/v1 {
        openzaak_api autorisaties;
        client_max_body_size 1k;
    }
--- raw_request eval
my $json = '{"label":"' . ('x' x 2000) . '"}';
[
    "POST /autorisaties/api/v1/applicaties HTTP/1.1\r\n"
    . "Host: localhost\r\nConnection: close\r\n"
    . "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    sprintf("%x\r\n%s\r\n", length $json, $json),
    "0\r\n\r\n",
]
--- raw_request_middle_delay: 0.1
--- error_code: 413
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "request_entity_too_large", "status": 413}



=== TEST 31: malformed chunked body inside the API location: 400 problem
nginx rejects the body while reading it, after the location was chosen.
(A malformed request line or header line, e.g. "Bad Header Line" without
a colon, or an unsupported Transfer-Encoding (501), is refused by nginx
before any location is matched: those keep nginx's plain HTML answer.)
--- raw_request eval
"POST /autorisaties/api/v1/applicaties HTTP/1.1\r\n"
. "Host: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
. "zz\r\nabc\r\n0\r\n\r\n"
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"status": 400, "code": "/^(invalid|parse_error)$/",
 "type": "/^http:\\/\\/localhost\\/ref\\/fouten\\/\\w+\\/$/",
 "instance": "/^urn:uuid:/"}



=== TEST 32: a body over client_body_buffer_size (kept in a temp file) is read
--- config
    location /autorisaties/api/v1 {
        openzaak_api autorisaties;
        client_body_buffer_size 1k;
    }
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. '{"clientIds": ["big-body"], ' . (' ' x 4000)
. '"label": "' . ('y' x 100) . '", "heeftAlleAutorisaties": true}'
--- more_headers eval
"Content-Type: application/json\n"
. OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 201
--- response_headers
API-version: 1.0.0
--- json_subset eval
{clientIds => ['big-body'], label => 'y' x 100}



=== TEST 33: unsupported media type: 415 problem
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
--- request
POST /autorisaties/api/v1/applicaties
clientIds=x
--- more_headers eval
"Content-Type: application/x-www-form-urlencoded\n"
. OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 415
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "unsupported_media_type", "status": 415}



=== TEST 34: JSON that does not parse: 400 parse_error
--- init
OZ::Test::oz_reset();
OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": [
--- more_headers eval
"Content-Type: application/json\n"
. OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret')
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
API-version: 1.0.0
--- json_subset
{"code": "parse_error", "status": 400,
 "type": "/\\/ref\\/fouten\\/ParseError\\/$/"}



=== TEST 35: outside API locations nothing changes: plain 404 and 413
--- request eval
[
    "GET /plain",
    "POST /plain\n" . ('z' x 2000),
]
--- error_code eval
[404, 413]
--- response_headers eval
[(<<'_OZ_EACH_') x 2]
Content-Type: text/html
!API-version
_OZ_EACH_
--- response_body_like eval
[(q~<html>.*</html>~) x 2]

