# Prepared statements: a bounded cache per connection
# (openzaak_db_prepared_statements), with eviction by DEALLOCATE in the
# same pipeline, and what happens to it when a batch fails.
#
# Every block runs with one pool connection (openzaak_db_pool_size 1), so
# that one connection gets every statement, and with room for 2 (or 1)
# prepared statements, far fewer than the requests use: a detail of a
# catalogus, of a zaaktype and of an applicatie (its row and its
# autorisaties: two statements), the authorisation lookup, the checks of a
# write, the render after it, a list (its count and its page, and for
# applicaties the autorisaties of the page: two or three statements).
#
# The module logs at debug level "openzaak pg: deallocate ozOLD for ozNEW"
# for every eviction, and "openzaak pg: kept ozOLD" when a batch failed
# before its DEALLOCATE ran (the server still holds the statement, and so
# does the cache).  The blocks count those lines per request.  Test::Nginx
# checks the error log of every request of a block against the same
# expectation (grep_error_log_out is per repetition, not per request), so
# the sequences run in --- init (T041::steps), which checks each answer and
# counts the lines each request wrote; the block's own request comes after.
#
# Every block has a configuration of its own (the comment with its
# number), so that nginx starts afresh for each block under both runners:
# the counts assume an empty cache and an empty authorisation cache.  The
# first request of a block looks up the client (a batch of its own, one
# more prepared statement).
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();
workers(1);
oz_setup(apis => ['autorisaties', 'catalogi']);

our $CAT = 'c0000000-0000-4000-8000-000000000001';
our $ZT  = 'd0000000-0000-4000-8000-000000000001';
our $APP = 'a0000000-0000-4000-8000-000000000001';
our $BASE = 'http://localhost/catalogi/api/v1';

sub main::seed {
    OZ::Test::oz_reset();
    OZ::Test::oz_client(client_id => 'ps', secret => 'ps-secret',
                        uuid => $main::APP);
    OZ::Test::oz_psql(<<"SQL");
INSERT INTO catalogi.catalogus (uuid, domein, rsin, contactpersoon_beheer_naam)
VALUES ('$CAT', 'EERST', '002220647', 'Eerste');
INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie, omschrijving,
    vertrouwelijkheidaanduiding, doel, aanleiding, indicatie_intern_of_extern,
    handeling_initiator, onderwerp, handeling_behandelaar, doorlooptijd,
    opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,
    publicatie_indicatie, referentieproces, verantwoordelijke,
    begin_geldigheid, versiedatum)
VALUES ('$ZT', '$CAT', 'ZT-1', 'Zaaktype een', 'openbaar', 'doel',
        'aanleiding', 'extern', 'indienen', 'onderwerp', 'behandelen', 'P30D',
        false, false, false, '{"naam": "r", "link": ""}', 'afdeling',
        '2020-01-01', '2020-01-01');
UPDATE catalogi.zaaktype SET concept = false;
SQL
}

sub main::hdr {
    return "Host: localhost\nContent-Type: application/json\n"
        . "Authorization: Bearer "
        . OZ::Test::oz_token(client_id => 'ps', secret => 'ps-secret');
}

sub main::config {
    my ($n, $block) = @_;
    return OZ::Test::oz_http_config("openzaak_db_pool_size 1;\n"
                                    . "openzaak_db_prepared_statements $n;\n"
                                    . "# block $block\n");
}

# Requests: [method, path, body], and what the answer must hold.
our %R = (
    cat  => [['GET', "/catalogi/api/v1/catalogussen/$CAT"], 200,
             qr/\A\{"url":"\Q$BASE\E\/catalogussen\/$CAT","domein":"EERST",.*"zaaktypen":\["\Q$BASE\E\/zaaktypen\/$ZT"\]/],
    cats => [['GET', '/catalogi/api/v1/catalogussen'], 200,
             qr/\A\{"count":1,.*"domein":"EERST"/],
    zt   => [['GET', "/catalogi/api/v1/zaaktypen/$ZT"], 200,
             qr/\A\{"url":"\Q$BASE\E\/zaaktypen\/$ZT",.*"identificatie":"ZT-1",.*"catalogus":"\Q$BASE\E\/catalogussen\/$CAT"/],
    zts  => [['GET', "/catalogi/api/v1/zaaktypen?catalogus=$BASE/catalogussen/$CAT"],
             200, qr/\A\{"count":1,.*"identificatie":"ZT-1"/],
    app  => [['GET', "/autorisaties/api/v1/applicaties/$APP"], 200,
             qr/\A\{"url":"http:\/\/localhost\/autorisaties\/api\/v1\/applicaties\/$APP","clientIds":\["ps"\]/],
    apps => [['GET', '/autorisaties/api/v1/applicaties'], 200,
             qr/\A\{"count":1,.*"clientIds":\["ps"\]/],
    # the list of zaaktypen without a filter, its last page, and filtered
    # on another catalogus (the shape of "zts", another value)
    ztsa => [['GET', '/catalogi/api/v1/zaaktypen'], 200,
             qr/\A\{"count":1,.*"identificatie":"ZT-1"/],
    ztsl => [['GET', '/catalogi/api/v1/zaaktypen?page=last'], 200,
             qr/\A\{"count":1,.*"identificatie":"ZT-1"/],
    zts2 => [['GET', "/catalogi/api/v1/zaaktypen?catalogus=$BASE/catalogussen/"
              . 'c0000000-0000-4000-8000-000000000002'],
             200, qr/\A\{"count":0,"next":null,"previous":null,"results":\[\]\}\z/],
    # a change of a published zaaktype: refused by the database after the
    # existence check (prepared, and kept prepared) ran
    ptch => [['PATCH', "/catalogi/api/v1/zaaktypen/$ZT",
              '{"omschrijving": "Gewijzigd"}'], 400,
             qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"non-concept-object"/],
    # the catalogus that exists already: unique (domein, rsin), refused by
    # the database in the first statement of the batch (the INSERT)
    dup  => [['POST', '/catalogi/api/v1/catalogussen',
              '{"domein": "EERST", "rsin": "002220647",'
              . ' "contactpersoonBeheerNaam": "Nog een"}'], 400,
             qr/"invalidParams":\[\{"name":"nonFieldErrors","code":"unique"/],
);

# A new catalogus ("new:DOMEIN"): the answer is the one created.
sub T041::request {
    my ($what) = @_;
    if ($what =~ /^new:(\w+)$/) {
        my $d = $1;
        return [['POST', '/catalogi/api/v1/catalogussen',
                 qq({"domein": "$d", "rsin": "517439943",)
                 . qq( "contactpersoonBeheerNaam": "Anna"})], 201,
                qr/\A\{"url":"\Q$BASE\E\/catalogussen\/[0-9a-f-]{36}","domein":"$d","rsin":"517439943",/];
    }
    return $main::R{$what} // die "no request $what\n";
}

sub T041::log_size { return OZ::Test::oz_log_size() }

sub T041::log_since { return OZ::Test::oz_log_since(@_) }

# One request of the block's client: [status, body].
sub T041::http {
    my ($method, $path, $body) = @_;
    return OZ::Test::oz_http($method, $path,
                             "Authorization: Bearer "
                             . OZ::Test::oz_token(client_id => 'ps',
                                                  secret => 'ps-secret')
                             . "\nContent-Type: application/json", $body);
}

# Sends each request of @steps (["name", deallocations, kept]) in turn and
# checks its answer, how many statements it deallocated and how many it
# kept because the batch failed before their DEALLOCATE ran.
sub T041::steps {
    my (@steps) = @_;
    my $n = 0;
    for my $step (@steps) {
        my ($what, $dealloc, $kept) = @$step;
        my ($req, $status, $re) = @{ T041::request($what) };
        my $pos = T041::log_size();
        my $res = T041::http(@$req);
        $n++;
        my $name = "step $n ($what)";
        Test::More::is($res->[0], $status, "$name: status");
        Test::More::like($res->[1], $re, "$name: answer");
        my $log = T041::log_since($pos);
        my @d = $log =~ /openzaak pg: deallocate oz\d+ for oz\d+/g;
        my @k = $log =~ /openzaak pg: kept oz\d+/g;
        Test::More::is(scalar @d, $dealloc, "$name: deallocations");
        Test::More::is(scalar @k, $kept // 0, "$name: kept");
    }
}

# Sends each request of @steps (["name", new shapes]) and counts the list
# shapes the worker built for it: the statements of a list are built once
# per shape (which filters are present, a page or the last page).
sub T041::shapes {
    my (@steps) = @_;
    my $n = 0;
    for my $step (@steps) {
        my ($what, $new) = @$step;
        my ($req, $status, $re) = @{ T041::request($what) };
        my $pos = T041::log_size();
        my $res = T041::http(@$req);
        $n++;
        my $name = "shape step $n ($what)";
        Test::More::is($res->[0], $status, "$name: status");
        Test::More::like($res->[1], $re, "$name: answer");
        my @s = T041::log_since($pos) =~ /openzaak sql: new list shape/g;
        Test::More::is(scalar @s, $new, "$name: shapes built");
    }
}

run_tests();

__DATA__

=== TEST 1: room for 2 statements, many used: every answer is right, in any order
Details, lists and creates of three resources of two APIs, in one order
and then in others: with room for 2 statements the cache evicts on nearly
every request.
--- http_config eval
main::config(2, 1)
--- init
main::seed();
T041::steps(['cat', 0], ['zt', 1], ['app', 2], ['cats', 2], ['zts', 2],
            ['apps', 2], ['new:AA', 2], ['app', 2], ['zt', 1], ['cat', 1],
            ['new:AB', 1], ['zt', 1], ['zts', 2], ['cat', 1], ['app', 2],
            ['apps', 2], ['zt', 1], ['cat', 1], ['cat', 0], ['app', 2],
            ['zt', 1]);
--- request
GET /catalogi/api/v1/catalogussen?domein=AB
--- more_headers eval
main::hdr()
--- error_code: 200
--- response_body_like: \A\{"count":1,.*"domein":"AB"
--- no_error_log
[error]
[alert]
[crit]
[emerg]



=== TEST 2: batches that fail after an eviction: the cache stays what the server has
A create refused by a unique constraint fails in its first statement (the
INSERT, unprepared): the DEALLOCATE that was to make room for a later
statement never runs, so the old statement stays prepared and is used
again.  A PATCH refused by a rule fails after its first statement (the
existence check) was prepared: it stays prepared although the batch
rolled back.  Every request after them needs exactly those statements.
--- http_config eval
main::config(2, 2)
--- init
main::seed();
T041::steps(['cat', 0], ['zt', 1], ['dup', 1, 1], ['zt', 0], ['cat', 0],
            ['new:AC', 1], ['zt', 1], ['dup', 1, 1], ['cat', 0], ['zt', 0],
            ['ptch', 1], ['zt', 0], ['ptch', 0], ['cat', 1], ['dup', 1, 1],
            ['zt', 1], ['new:AD', 2], ['ptch', 1], ['cat', 1]);
--- request
GET /catalogi/api/v1/zaaktypen/d0000000-0000-4000-8000-000000000001
--- more_headers eval
main::hdr()
--- error_code: 200
--- response_body_like: "omschrijving":"Zaaktype een"
--- no_error_log
[error]
[alert]
[crit]
[emerg]



=== TEST 3: room for one statement: a batch that needs more runs the rest unprepared
--- http_config eval
main::config(1, 3)
--- init
main::seed();
T041::steps(['cat', 1], ['zt', 1], ['new:AE', 1], ['ptch', 0], ['dup', 0],
            ['app', 1], ['zt', 1], ['cat', 1], ['cat', 0], ['ptch', 1],
            ['apps', 1], ['zt', 1]);
--- request
GET /catalogi/api/v1/catalogussen?domein=AE
--- more_headers eval
main::hdr()
--- error_code: 200
--- response_body_like: \A\{"count":1,.*"domein":"AE"
--- no_error_log
[error]
[alert]
[crit]
[emerg]



=== TEST 4: the default room (256): nothing is deallocated
--- http_config eval
OZ::Test::oz_http_config("openzaak_db_pool_size 1;\n# block 4\n")
--- init
main::seed();
T041::steps(['cat', 0], ['zt', 0], ['app', 0], ['new:AF', 0], ['ptch', 0],
            ['dup', 0], ['cat', 0], ['zt', 0], ['app', 0], ['ptch', 0]);
--- request
GET /catalogi/api/v1/catalogussen?domein=AF
--- more_headers eval
main::hdr()
--- error_code: 200
--- response_body_like: \A\{"count":1,.*"domein":"AF"
--- no_error_log
[error]
[alert]
[crit]
[emerg]



=== TEST 5: a list's statements are built once per shape, not per request
The same list again, with another value of the same filter, or after
other lists builds nothing; a filter more or less, or the last page, is a
shape of its own.
--- http_config eval
main::config(256, 5)
--- init
main::seed();
T041::shapes(['zts', 1], ['zts', 0], ['zts2', 0], ['ztsa', 1], ['ztsl', 1],
             ['cats', 1], ['zts', 0], ['ztsa', 0], ['ztsl', 0], ['apps', 1],
             ['apps', 0], ['cats', 0], ['zts2', 0]);
--- request
GET /catalogi/api/v1/zaaktypen?page=last
--- more_headers eval
main::hdr()
--- error_code: 200
--- response_body_like: \A\{"count":1,.*"identificatie":"ZT-1"
--- no_error_log
[error]
[alert]
[crit]
[emerg]
