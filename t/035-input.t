# Hostile and malformed input, as an attacker or a broken client sends it
# (the findings of the hardening issue): request bodies that are no
# object (null, arrays, scalars); NUL and lone surrogates in strings and
# keys; raw bytes that are no UTF-8; NaN; Python's parse error messages;
# nesting; the limits on JSON values per body and items per array
# (openzaak_json_max_values, openzaak_json_max_items) and what a refused
# body costs the worker in memory; query values with NUL or without
# UTF-8; pages beyond any table; no PostgreSQL message in any answer.
#
# Every answer must be valid JSON (the json_subset check decodes it as
# UTF-8), every refusal a 400 problem with the ZGW code, and a refused
# write must leave nothing behind (--- sql_check).
#
# The Catalogi API's catalogussen (domein, rsin, contactpersoonBeheerNaam)
# and the Autorisaties API's applicaties are the resources written to.
use strict;
use warnings;
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();
oz_setup(apis => ['autorisaties', 'catalogi']);

add_block_preprocessor(sub {
    my $block = shift;
    if (!defined $block->no_error_log) {
        $block->set_value(no_error_log => "[alert]\n[emerg]\n[crit]");
    }
});

our $CATALOGUS = '"rsin": "002220647", "contactpersoonBeheerNaam": "Anna"';

sub T035::seed {
    OZ::Test::oz_reset();
    OZ::Test::oz_client(client_id => 'super', secret => 's3cret');
}

sub T035::hdr {
    return "Content-Type: application/json\n"
        . OZ::Test::oz_bearer(client_id => 'super', secret => 's3cret');
}

# A 400 ValidatieFout with exactly these invalidParams.
sub T035::invalid {
    return { status => 400, code => 'invalid',
             type => qr{/ref/fouten/ValidationError/\z},
             invalidParams => [ map { { name => $_->[0], code => $_->[1],
                                        reason => $_->[2] } } @_ ] };
}

# A 400 ParseError with this detail (after "JSON parse error - ").
sub T035::parse_error {
    my ($detail) = @_;
    return { status => 400, code => 'parse_error',
             title => 'Ongeldig samengestelde request.',
             type => qr{/ref/fouten/ParseError/\z},
             detail => "JSON parse error - $detail" };
}

# A catalogus and a concept zaaktype in it (a0350000-...-038).
sub T035::zaaktype {
    OZ::Test::oz_psql(<<'_SQL_');
INSERT INTO catalogi.catalogus (uuid, domein, rsin, contactpersoon_beheer_naam)
VALUES ('c0350000-0000-4000-8000-000000000038', 'ABC', '002220647', 'Anna');
INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie, omschrijving,
    vertrouwelijkheidaanduiding, doel, aanleiding, indicatie_intern_of_extern,
    handeling_initiator, onderwerp, handeling_behandelaar, doorlooptijd,
    opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,
    publicatie_indicatie, referentieproces, verantwoordelijke,
    begin_geldigheid, versiedatum, concept)
VALUES ('a0350000-0000-4000-8000-000000000038',
    'c0350000-0000-4000-8000-000000000038', 'ZT-38', 'Groot', 'openbaar',
    'Doel', 'Aanleiding', 'extern', 'melden', 'Onderwerp', 'behandelen',
    'P30D', false, false, false, '{"naam": "Referentieproces", "link": ""}',
    'Team', '2020-01-01', '2020-01-01', true);
_SQL_
}

# --- memory of the worker(s) -----------------------------------------------

sub T035::nginx_pids {
    my $root = $ENV{TEST_NGINX_SERVROOT} || 't/servroot';
    open my $fh, '<', "$root/logs/nginx.pid" or die "no nginx.pid: $!\n";
    my ($pid) = <$fh> =~ /(\d+)/;
    my @children;
    for my $stat (glob '/proc/[0-9]*/stat') {
        open my $s, '<', $stat or next;
        my $text = <$s> // next;
        push @children, $1 if $text =~ /^(\d+) \(.*\) \S+ (\d+) / && $2 == $pid;
    }
    return @children ? @children : ($pid);
}

# kB of a /proc/PID/status field (VmRSS, VmHWM), the largest of the pids.
sub T035::vm {
    my ($field, @pids) = @_;
    my $max = 0;
    for my $pid (@pids) {
        open my $fh, '<', "/proc/$pid/status" or next;
        while (<$fh>) {
            $max = $1 if /^\Q$field\E:\s+(\d+)/ && $1 > $max;
        }
    }
    return $max;
}

# POSTs (or METHOD) $body on its own connection; returns [status, body].
sub T035::post {
    my ($path, $body, $method) = @_;
    $method //= 'POST';
    require IO::Socket::INET;
    require IO::Select;
    my $port = OZ::Test::oz_port();
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => $port, Proto => 'tcp',
                                     Timeout => 30)
        or die "cannot connect: $@\n";
    binmode $sock;
    my $head = "$method $path HTTP/1.1\r\nHost: localhost\r\n"
        . "Connection: close\r\n" . join('', map { "$_\r\n" }
                                         split /\n/, T035::hdr())
        . 'Content-Length: ' . length($body) . "\r\n\r\n";
    for my $chunk ($head, $body) {
        my $off = 0;
        while ($off < length $chunk) {
            my $n = syswrite($sock, $chunk, 1 << 20, $off);
            die "write: $!\n" unless defined $n;
            $off += $n;
        }
    }
    my ($buf, $sel) = ('', IO::Select->new($sock));
    while ($sel->can_read(60)) {
        my $n = sysread $sock, $buf, 65536, length $buf;
        last if !$n;
    }
    my ($status) = $buf =~ m{^HTTP/\d\.\d (\d{3})};
    my (undef, $rest) = split /\r\n\r\n/, $buf, 2;
    return [$status // 0, $rest // ''];
}

run_tests();

__DATA__

=== TEST 1: a body of JSON null: 400 invalid (NoneType), nothing created
It used to be a 500 with nothing logged: json-c gives no object for null.
--- init
T035::seed();
--- request
POST /catalogi/api/v1/catalogussen
null
--- more_headers eval
T035::hdr()
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een NoneType.'])
--- sql_check
SELECT count(*) FROM catalogi.catalogus
--- sql_check_out
0



=== TEST 2: null with surrounding whitespace on PUT of an applicatie: the same
--- init
T035::seed();
OZ::Test::oz_client(client_id => 'other', secret => 'x',
                    uuid => '0350e000-0000-4000-8000-000000000001');
--- request
PUT /autorisaties/api/v1/applicaties/0350e000-0000-4000-8000-000000000001
  null
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een NoneType.'])
--- sql_check
SELECT label FROM autorisaties.applicatie
 WHERE uuid = '0350e000-0000-4000-8000-000000000001'
--- sql_check_out
test client other



=== TEST 3: null on PATCH of an applicatie that does not exist: 404 first
--- init
T035::seed();
--- request
PATCH /autorisaties/api/v1/applicaties/0350e000-0000-4000-8000-000000000009
null
--- more_headers eval
T035::hdr()
--- error_code: 404
--- json_subset
{"code": "not_found", "status": 404}



=== TEST 4: a top-level array: one error, nothing else
--- init
T035::seed();
--- request
POST /catalogi/api/v1/catalogussen
[{"domein": "ABC", "rsin": "002220647", "contactpersoonBeheerNaam": "Anna"}]
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een list.'])



=== TEST 5: a top-level string
--- init
T035::seed();
--- request
POST /catalogi/api/v1/catalogussen
"ABC"
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een str.'])



=== TEST 6: a top-level number
--- init
T035::seed();
--- request
POST /catalogi/api/v1/catalogussen
12
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een int.'])



=== TEST 7: a top-level float
--- init
T035::seed();
--- request
POST /catalogi/api/v1/catalogussen
1.5
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een float.'])



=== TEST 8: a top-level boolean
--- init
T035::seed();
--- request
POST /catalogi/api/v1/catalogussen
true
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Ongeldige data. Verwacht een dictionary, kreeg een bool.'])



=== TEST 9: \u0000 in a value: null_characters_not_allowed, nothing stored
It used to be stored cut at the NUL ("Z").
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n"
. qq({"domein": "Z\\u0000Q", $main::CATALOGUS})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['domein', 'null_characters_not_allowed',
               'Null-tekens zijn niet toegestaan.'])
--- sql_check
SELECT count(*) FROM catalogi.catalogus
--- sql_check_out
0



=== TEST 10: a NUL among other failures of the field and the body: all reported
As DRF runs every validator of a field: the extra check (upper case), the
maximum length, then the NUL; the missing fields too.
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n"
. qq({"domein": "abcdef\\u0000"})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(
    ['domein', 'invalid', 'Voer alleen hoofdletters in.'],
    ['domein', 'max_length', 'Dit veld mag niet meer dan 5 karakters bevatten.'],
    ['domein', 'null_characters_not_allowed', 'Null-tekens zijn niet toegestaan.'],
    ['rsin', 'required', 'Dit veld is verplicht.'],
    ['contactpersoonBeheerNaam', 'required', 'Dit veld is verplicht.'])



=== TEST 11: \u0000 in a key: the key is unknown, not the key before the NUL
json-c cut keys at the NUL, so "domein\u0000x" became "domein".
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n"
. qq({"domein\\u0000x": "ABC", $main::CATALOGUS})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['domein', 'required', 'Dit veld is verplicht.'])
--- sql_check
SELECT count(*) FROM catalogi.catalogus
--- sql_check_out
0



=== TEST 12: a lone high surrogate: surrogate_characters_not_allowed
json-c replaced it with U+FFFD and stored that.
--- init
T035::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. qq({"clientIds": ["a"], "label": "x\\ud800y", "heeftAlleAutorisaties": true})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['label', 'surrogate_characters_not_allowed',
               'Surrogate characters are not allowed: U+D800.'])
--- sql_check
SELECT count(*) FROM autorisaties.applicatie
--- sql_check_out
1



=== TEST 13: a lone low surrogate, and a high one before another escape
--- init
T035::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. qq({"clientIds": ["\\udc00", "b"], "label": "\\uDBFF\\u0041",)
. qq( "heeftAlleAutorisaties": true})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['clientIds.', 'surrogate_characters_not_allowed',
               'Surrogate characters are not allowed: U+DC00.'],
              ['label', 'surrogate_characters_not_allowed',
               'Surrogate characters are not allowed: U+DBFF.'])



=== TEST 14: a high surrogate at the end of a string
--- init
T035::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. qq({"clientIds": ["a"], "label": "x\\ud83d", "heeftAlleAutorisaties": true})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['label', 'surrogate_characters_not_allowed',
               'Surrogate characters are not allowed: U+D83D.'])



=== TEST 15: a surrogate pair is a character like any other: stored and rendered
--- init
T035::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. qq({"clientIds": ["a"], "label": "\\ud83d\\ude00 \xf0\x9f\x98\x80",)
. qq( "heeftAlleAutorisaties": true})
--- more_headers eval
T035::hdr()
--- error_code: 201
--- json_subset eval
{ label => "\x{1F600} \x{1F600}" }
--- sql_check
SELECT label FROM autorisaties.applicatie WHERE client_ids = '{a}'
--- sql_check_out eval
"\xf0\x9f\x98\x80 \xf0\x9f\x98\x80"



=== TEST 16: an overlong UTF-8 form (C0 AF): the codec's parse_error
PostgreSQL's "invalid byte sequence" used to be the answer.
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n"
. qq({"domein": "\xc0\xaf", $main::CATALOGUS})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::parse_error("'utf-8' codec can't decode byte 0xc0 in position 12:"
                  . " invalid start byte")
--- json_absent
invalidParams
--- sql_check
SELECT count(*) FROM catalogi.catalogus
--- sql_check_out
0



=== TEST 17: an encoded surrogate (ED A0 80): parse_error
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n"
. qq({"domein": "\xed\xa0\x80", $main::CATALOGUS})
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::parse_error("'utf-8' codec can't decode byte 0xed in position 12:"
                  . " invalid continuation byte")



=== TEST 18: FF, a code point above U+10FFFF, a sequence cut short: parse_error
--- init
T035::seed();
--- request eval
[
    "POST /catalogi/api/v1/catalogussen\n{\"domein\": \"A\xffB\"}",
    "POST /catalogi/api/v1/catalogussen\n{\"domein\": \"\xf4\x90\x80\x80\"}",
    "POST /catalogi/api/v1/catalogussen\n{\"domein\": \"\xe2\x82\"}",
    "POST /catalogi/api/v1/catalogussen\n\xff",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[400, 400, 400, 400]
--- response_body_like eval
[
    qr/"detail":"JSON parse error - 'utf-8' codec can't decode byte 0xff in position 13: invalid start byte"/,
    qr/"detail":"JSON parse error - 'utf-8' codec can't decode byte 0xf4 in position 12: invalid continuation byte"/,
    qr/"detail":"JSON parse error - 'utf-8' codec can't decode byte 0xe2 in position 12: invalid continuation byte"/,
    qr/"detail":"JSON parse error - 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"/,
]



=== TEST 19: NaN, Infinity and -Infinity are no JSON: parse_error as DRF words it
--- init
T035::seed();
--- request eval
[
    "POST /catalogi/api/v1/catalogussen\n{\"domein\": NaN}",
    "POST /catalogi/api/v1/catalogussen\n{\"domein\": Infinity}",
    "POST /catalogi/api/v1/catalogussen\n[-Infinity]",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[400, 400, 400]
--- response_body_like eval
[
    qr/"detail":"JSON parse error - Out of range float values are not JSON compliant: 'NaN'"/,
    qr/"detail":"JSON parse error - Out of range float values are not JSON compliant: 'Infinity'"/,
    qr/"detail":"JSON parse error - Out of range float values are not JSON compliant: '-Infinity'"/,
]



=== TEST 20: Python's messages and positions for malformed JSON
--- init
T035::seed();
--- request eval
[
    "POST /catalogi/api/v1/catalogussen\n{\"a\": 1.}",
    "POST /catalogi/api/v1/catalogussen\n[1,]",
    "POST /catalogi/api/v1/catalogussen\n{\"a\" 1}",
    "POST /catalogi/api/v1/catalogussen\n{\"a\": 1,}",
    "POST /catalogi/api/v1/catalogussen\n{}x",
    "POST /catalogi/api/v1/catalogussen\n{\n  \"a\": tru}",
    "POST /catalogi/api/v1/catalogussen\n{\"a\": \"x\ty\"}",
    "POST /catalogi/api/v1/catalogussen\n{\"a\": \"\\q\"}",
    "POST /catalogi/api/v1/catalogussen\n{\"a\": \"\\u12G4\"}",
    "POST /catalogi/api/v1/catalogussen\n{\"a\": \"abc",
    "POST /catalogi/api/v1/catalogussen\n01",
    "POST /catalogi/api/v1/catalogussen\n{'a': 1}",
    "POST /catalogi/api/v1/catalogussen\n\xef\xbb\xbf{}",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[(400) x 13]
--- response_body_like eval
[
    qr/JSON parse error - Expecting ',' delimiter: line 1 column 8 \(char 7\)"/,
    qr/JSON parse error - Expecting value: line 1 column 4 \(char 3\)"/,
    qr/JSON parse error - Expecting ':' delimiter: line 1 column 6 \(char 5\)"/,
    qr/JSON parse error - Expecting property name enclosed in double quotes: line 1 column 9 \(char 8\)"/,
    qr/JSON parse error - Extra data: line 1 column 3 \(char 2\)"/,
    qr/JSON parse error - Expecting value: line 2 column 8 \(char 9\)"/,
    qr/JSON parse error - Invalid control character at: line 1 column 9 \(char 8\)"/,
    qr/JSON parse error - Invalid \\\\escape: line 1 column 8 \(char 7\)"/,
    qr/JSON parse error - Invalid \\\\uXXXX escape: line 1 column 9 \(char 8\)"/,
    qr/JSON parse error - Unterminated string starting at: line 1 column 7 \(char 6\)"/,
    qr/JSON parse error - Extra data: line 1 column 2 \(char 1\)"/,
    qr/JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 \(char 1\)"/,
    qr/JSON parse error - Unexpected UTF-8 BOM \(decode using utf-8-sig\): line 1 column 1 \(char 0\)"/,
]



=== TEST 21: nesting deeper than 32: parse_error, never a deep tree
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n" . ('[' x 33) . (']' x 33)
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::parse_error('Maximum nesting depth of 32 exceeded: line 1 column 33'
                  . ' (char 32)')



=== TEST 22: nesting of 32 is fine (the body is then judged by its fields)
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n{\"x\": " . ('[' x 31) . (']' x 31)
. ", \"domein\": \"ABC\", $main::CATALOGUS}"
--- more_headers eval
T035::hdr()
--- error_code: 201
--- json_subset
{"domein": "ABC"}



=== TEST 23: openzaak_json_max_items: an array of max_items is taken, one more is not
--- http_config
openzaak_db "$TEST_NGINX_OZ_DB";
openzaak_json_max_items 3;
--- config
location /autorisaties/api/v1 { openzaak_api autorisaties; }
--- init
T035::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"clientIds": ["a", "b", "c"], "label": "drie", "heeftAlleAutorisaties": true}
--- more_headers eval
T035::hdr()
--- error_code: 201
--- json_subset
{"clientIds": ["a", "b", "c"]}



=== TEST 24: openzaak_json_max_items 3 (location): four items are refused, by name
The snake_case key is named as Open Zaak names the field.
--- config
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_json_max_items 3;
}
--- init
T035::seed();
--- request
POST /autorisaties/api/v1/applicaties
{"client_ids": ["a", "b", "c", "d"], "label": "vier", "heeftAlleAutorisaties": true}
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['clientIds', 'max_length',
               'Zorg ervoor dat dit veld niet meer dan 3 elementen bevat.'])
--- sql_check
SELECT count(*) FROM autorisaties.applicatie
--- sql_check_out
1



=== TEST 25: openzaak_json_max_items: a nested array, and the body itself
--- config
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_json_max_items 3;
}
--- init
T035::seed();
--- request eval
[
    "POST /autorisaties/api/v1/applicaties\n"
    . '{"clientIds": ["a"], "label": "x", "autorisaties": [{"component": "ac",'
    . ' "scopes": ["autorisaties.lezen", "b", "c", "d"]}]}',
    "POST /autorisaties/api/v1/applicaties\n[1, 2, 3, 4]",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[400, 400]
--- response_body_like eval
[
    qr/"invalidParams":\[\{"name":"autorisaties\.0\.scopes","code":"max_length","reason":"Zorg ervoor dat dit veld niet meer dan 3 elementen bevat\."\}\]/,
    qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"max_length","reason":"Zorg ervoor dat dit veld niet meer dan 3 elementen bevat\."\}\]/,
]



=== TEST 26: openzaak_json_max_values 20: a body of 20 values is taken
--- config
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_json_max_values 20;
}
--- init
T035::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. '{"clientIds": ["c1"], "label": "twintig", "heeftAlleAutorisaties": true, "y": {'
. CORE::join(', ', map { "\"k$_\": $_" } 1 .. 14) . '}}'
--- more_headers eval
T035::hdr()
--- error_code: 201
--- json_subset
{"label": "twintig"}



=== TEST 27: openzaak_json_max_values 20: 21 values are refused
--- config
location /autorisaties/api/v1 {
    openzaak_api autorisaties;
    openzaak_json_max_values 20;
}
--- init
T035::seed();
--- request eval
"POST /autorisaties/api/v1/applicaties\n"
. '{"clientIds": ["c1"], "label": "eenentwintig", "heeftAlleAutorisaties": true, "y": {'
. CORE::join(', ', map { "\"k$_\": $_" } 1 .. 15) . '}}'
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'too-many-values',
               'Het verzoek bevat meer dan 20 JSON-waarden.'])
--- sql_check
SELECT count(*) FROM autorisaties.applicatie
--- sql_check_out
1



=== TEST 28: the default limit on items: 1000 client ids are taken, 1001 are not
--- init
T035::seed();
--- request eval
[
    "POST /autorisaties/api/v1/applicaties\n{\"clientIds\": ["
    . CORE::join(',', map { "\"id$_\"" } 1 .. 1001)
    . "], \"label\": \"x\", \"heeftAlleAutorisaties\": true}",
    "POST /autorisaties/api/v1/applicaties\n{\"clientIds\": ["
    . CORE::join(',', map { "\"id$_\"" } 1 .. 1000)
    . "], \"label\": \"x\", \"heeftAlleAutorisaties\": true}",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[400, 201]
--- response_body_like eval
[
    qr/"invalidParams":\[\{"name":"clientIds","code":"max_length","reason":"Zorg ervoor dat dit veld niet meer dan 1000 elementen bevat\."\}\]/,
    qr/"clientIds":\["id1",/,
]



=== TEST 29: a relation array of 20,000 URLs on a zaaktype: refused by the default limit
Taken before, it made every list page 650 KB.
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/zaaktypen\n{\"besluittypen\": ["
. CORE::join(',', map { sprintf '"http://localhost/catalogi/api/v1/besluittypen/'
                          . 'b0000000-0000-4000-8000-%012d"', $_ } 1 .. 20000)
. "]}"
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['besluittypen', 'max_length',
               'Zorg ervoor dat dit veld niet meer dan 1000 elementen bevat.'])



=== TEST 30: 50 MB of 25 million array items: refused at once, the worker stays small
It used to be taken (201) after 3 s, and the worker grew to 1.8 GB and
kept 1.6 GB.  Now the scanner stops at item 1001, before json-c builds
anything for the rest: the worker's peak memory must not grow by more
than a fraction of the body.
--- config
location /catalogi/api/v1 {
    openzaak_api catalogi;
    client_max_body_size 60m;
}
--- init
T035::seed();
my @pids = T035::nginx_pids();
my $before = T035::vm('VmRSS', @pids);
my $body = '{"domein": "ABC", "rsin": "002220647",'
    . ' "contactpersoonBeheerNaam": "Anna", "x": [' . ('0,' x 24_999_999)
    . '0]}';
my $res = T035::post('/catalogi/api/v1/catalogussen', $body);
Test::More::is($res->[0], 400, '50 MB body: 400');
Test::More::like($res->[1], qr/"name":"x","code":"max_length"/,
                 '50 MB body: max_length on x');
my $peak = T035::vm('VmHWM', @pids);
Test::More::cmp_ok($peak - $before, '<', 32 * 1024,
                   "50 MB body: the worker's peak grew by less than 32 MB"
                   . " ($before kB before, peak $peak kB)");
--- request
GET /catalogi/api/v1/catalogussen
--- more_headers eval
T035::hdr()
--- error_code: 200
--- json_subset
{"count": 0}



=== TEST 31: a body kept in a temporary file is read in chunks: positions stay right
--- config
client_body_buffer_size 1k;
location /catalogi/api/v1 { openzaak_api catalogi; }
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n{\"domein\": \"ABC\", $main::CATALOGUS,"
. " \"x\": \"" . ('y' x 200_000) . "\"" . (' ' x 100_000) . "!"
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::parse_error("Expecting ',' delimiter: line 1 column 300083"
                  . " (char 300082)")



=== TEST 32: a valid body in a temporary file, with text beyond every chunk: taken whole
--- config
client_body_buffer_size 1k;
location /catalogi/api/v1 { openzaak_api catalogi; }
--- init
T035::seed();
--- request eval
"POST /catalogi/api/v1/catalogussen\n{\"x\": \"" . ("\xc3\xa9" x 100_000)
. "\", \"domein\": \"ABC\", $main::CATALOGUS,"
. " \"contactpersoonBeheerTelefoonnummer\": \"" . ('7' x 20) . "\"}"
--- more_headers eval
T035::hdr()
--- error_code: 201
--- json_subset
{"domein": "ABC", "contactpersoonBeheerTelefoonnummer": "77777777777777777777"}



=== TEST 33: query values with NUL: null_characters_not_allowed, never "matches all"
identificatie__icontains=%00 used to match every row.
--- init
T035::seed();
OZ::Test::oz_psql("INSERT INTO catalogi.catalogus (uuid, domein, rsin,"
    . " contactpersoon_beheer_naam) VALUES ('c0350000-0000-4000-8000-000000000001',"
    . " 'ABC', '002220647', 'Anna')");
--- request eval
[
    "GET /catalogi/api/v1/catalogussen?domein=%00",
    "GET /catalogi/api/v1/catalogussen?domein=A%00BC",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[400, 400]
--- json_subset eval
T035::invalid(['domein', 'null_characters_not_allowed',
               'Null-tekens zijn niet toegestaan.'])



=== TEST 34: query values that are no UTF-8: 400 invalid, not PostgreSQL's words
--- init
T035::seed();
--- request eval
[
    "GET /catalogi/api/v1/catalogussen?domein=%FF",
    "GET /catalogi/api/v1/catalogussen?rsin=%C0%AF",
    "GET /catalogi/api/v1/catalogussen?domein=%ED%A0%80",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[400, 400, 400]
--- response_body_like eval
[
    qr/"invalidParams":\[\{"name":"domein","code":"invalid","reason":"Voer een geldige waarde in\."\}\]/,
    qr/"invalidParams":\[\{"name":"rsin","code":"invalid","reason":"Voer een geldige waarde in\."\}\]/,
    qr/"invalidParams":\[\{"name":"domein","code":"invalid","reason":"Voer een geldige waarde in\."\}\]/,
]
--- no_error_log
byte sequence
[alert]
[crit]



=== TEST 35: a parameter name that is no UTF-8: echoed as U+FFFD, the answer stays JSON
--- init
T035::seed();
--- request
GET /catalogi/api/v1/catalogussen?%FF%FEx=1&a%00b=2
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'unknown-parameters',
               "Onbekende query parameters: \x{FFFD}\x{FFFD}x, a\x{0}b"])



=== TEST 36: a page beyond bigint: 404 "Ongeldige pagina.", not PostgreSQL's range error
--- init
T035::seed();
--- request eval
[
    "GET /catalogi/api/v1/catalogussen?page=9223372036854775807",
    "GET /catalogi/api/v1/catalogussen?page=9223372036854775806&pageSize=1",
    "GET /catalogi/api/v1/catalogussen?page=92233720368547759&pageSize=500",
    "GET /catalogi/api/v1/catalogussen?page=99999999999999999999999",
]
--- more_headers eval
T035::hdr()
--- error_code eval
[404, 404, 404, 404]
--- json_subset
{"code": "not_found", "detail": "Ongeldige pagina."}



=== TEST 37: a value the database refuses: its message stays in the log
A trigger raises what PostgreSQL says of a bigint out of range: the
client gets a generic reason; the log has PostgreSQL's words.
--- init
T035::seed();
OZ::Test::oz_psql(<<'_SQL_');
CREATE OR REPLACE FUNCTION catalogi.t035_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'value "99999999999999999999" is out of range for type bigint'
        USING ERRCODE = '22003';
END $$;
CREATE TRIGGER t035_refuse BEFORE INSERT ON catalogi.catalogus
    FOR EACH ROW EXECUTE FUNCTION catalogi.t035_refuse();
_SQL_
--- request eval
"POST /catalogi/api/v1/catalogussen\n{\"domein\": \"ABC\", $main::CATALOGUS}"
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['nonFieldErrors', 'invalid',
               'Een waarde in het verzoek kan niet worden opgeslagen.'])
--- response_body_unlike: out of range|bigint|99999
--- error_log
a value the database refused: 22003 value "99999999999999999999" is out of range for type bigint
--- sql_check
DROP TRIGGER t035_refuse ON catalogi.catalogus;
DROP FUNCTION catalogi.t035_refuse();
SELECT count(*) FROM catalogi.catalogus
--- sql_check_out
0



=== TEST 38: a batch of more than 4 MB: its connection is closed, not kept with libpq's large buffers
libpq keeps a connection's buffers as large as its largest message; a
pooled connection would hold a worker's memory for its whole life.  The
5 MB toelichting goes in and comes back; the next request gets a fresh
connection and still works.  (The PATCH is sent by the init: the error
log is checked on the lines of the whole block, and once per request.)
--- init
T035::seed();
T035::zaaktype();
my $r = T035::post(
    '/catalogi/api/v1/zaaktypen/a0350000-0000-4000-8000-000000000038',
    '{"toelichting": "' . ('t' x (5 * 1024 * 1024)) . '"}', 'PATCH');
Test::More::is($r->[0], 200, 'TEST 38: the PATCH of 5 MB is 200');
Test::More::like(substr($r->[1], 0, 4096), qr/"toelichting":"t{1000}/,
                 'TEST 38: the 5 MB toelichting comes back');
--- request
GET /catalogi/api/v1/catalogussen
--- more_headers eval
T035::hdr()
--- error_code: 200
--- response_body_like eval
qr/"count":1,/
--- error_log eval
qr/closing the connection after a batch of 1\d{7} bytes/
--- sql_check
SELECT length(toelichting) FROM catalogi.zaaktype
--- sql_check_out
5242880



=== TEST 39: a NUL in a duration: invalid, not "P1" (and no read past the unit list)
The duration check looked the NUL up among the units with strchr(),
found the list's own terminator, took "P1\u0000" as valid and read beyond
the list; the value was stored cut at the NUL.
--- init
T035::seed();
T035::zaaktype();
--- request eval
"PATCH /catalogi/api/v1/zaaktypen/a0350000-0000-4000-8000-000000000038\n"
. '{"doorlooptijd": "P1\\u0000"}'
--- more_headers eval
T035::hdr()
--- error_code: 400
--- json_subset eval
T035::invalid(['doorlooptijd', 'invalid', 'Tijdsduur heeft een verkeerd formaat,'
               . ' gebruik 1 van onderstaande formaten: P(n)Y(n)M(n)D.'])
--- sql_check
SELECT doorlooptijd FROM catalogi.zaaktype
--- sql_check_out
P30D
