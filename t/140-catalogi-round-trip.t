# One round trip to PostgreSQL per request, also for big pages: a catalogus
# with 1,000 zaaktypen of 10 statustypen and 5 roltypen each is listed,
# read and filtered with a single statement batch per request.  The module
# logs every round trip at debug level ("openzaak pg: round trip"); the
# blocks count those lines.
#
# The first request of a block also looks up the client (the per-worker
# authorisation cache is empty after start), which is a round trip of its
# own (and the worker opens its LISTEN connection); each block therefore
# sends a warm-up request first and counts the round trips of the requests
# after it.
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

no_shuffle();
no_long_string();
oz_setup(apis => ['catalogi']);

our $CAT = 'c0000000-0000-4000-8000-000000000001';
our $BASE = 'http://localhost/catalogi/api/v1';

sub main::seed {
    OZ::Test::oz_reset();
    OZ::Test::oz_client(client_id => 'rt', secret => 'rt-secret');
    OZ::Test::oz_psql(<<"SQL");
INSERT INTO catalogi.catalogus (uuid, domein, rsin, contactpersoon_beheer_naam)
VALUES ('$CAT', 'BULK', '002220647', 'Bulk');
INSERT INTO catalogi.besluittype (uuid, catalogus, omschrijving,
    publicatie_indicatie, begin_geldigheid, concept)
VALUES ('b0000000-0000-4000-8000-000000000001', '$CAT', 'Besluit', false,
        '2020-01-01', false);
INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie, omschrijving,
    vertrouwelijkheidaanduiding, doel, aanleiding, indicatie_intern_of_extern,
    handeling_initiator, onderwerp, handeling_behandelaar, doorlooptijd,
    opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,
    publicatie_indicatie, referentieproces, verantwoordelijke,
    begin_geldigheid, versiedatum, besluittypen)
SELECT ('d0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
       '$CAT', 'ZT-' || i, 'Zaaktype ' || i, 'openbaar', 'doel',
       'aanleiding', 'extern', 'indienen', 'onderwerp', 'behandelen', 'P30D',
       false, false, false, '{"naam": "r", "link": ""}', 'afdeling',
       '2020-01-01', '2020-01-01', ARRAY['Besluit']
FROM generate_series(1, 1000) i;
INSERT INTO catalogi.statustype (uuid, zaaktype, omschrijving, volgnummer)
SELECT gen_random_uuid(), z.uuid, 'Status ' || s, s
FROM catalogi.zaaktype z, generate_series(1, 10) s;
INSERT INTO catalogi.roltype (uuid, zaaktype, omschrijving,
    omschrijving_generiek)
SELECT gen_random_uuid(), z.uuid, 'Rol ' || r,
       (ARRAY['adviseur', 'behandelaar', 'belanghebbende', 'beslisser',
              'initiator'])[r]
FROM catalogi.zaaktype z, generate_series(1, 5) r;
UPDATE catalogi.zaaktype SET concept = false;
ANALYZE catalogi.zaaktype;
ANALYZE catalogi.statustype;
ANALYZE catalogi.roltype;
SQL
}

sub main::hdr {
    return "Host: localhost\nAuthorization: Bearer "
        . OZ::Test::oz_token(client_id => 'rt', secret => 'rt-secret');
}

# Every page has 100 zaaktypen, each with its 10 statustypen and 5 roltypen.
sub main::check_page {
    my ($json, $n) = @_;
    my $d = JSON::PP::decode_json($json);
    return "count $d->{count}" unless $d->{count} == 1000;
    return "results " . scalar @{ $d->{results} }
        unless @{ $d->{results} } == $n;
    for my $z (@{ $d->{results} }) {
        return "$z->{url}: statustypen" unless @{ $z->{statustypen} } == 10;
        return "$z->{url}: roltypen" unless @{ $z->{roltypen} } == 5;
    }
    return 'ok';
}

add_response_body_check(sub {
    my ($block, $body, $req_idx) = @_;
    my $n = $block->page_size or return;
    my @n = ref $n ? @$n : ($n) x 10;
    return if !defined $n[$req_idx] || $n[$req_idx] eq '-';
    Test::More::is(main::check_page($body, $n[$req_idx]), 'ok',
                   $block->name . " - page content (req $req_idx)");
});

# Sends each request of @steps ([path, round trips]) with the block's
# client and checks that it answered 200 and how many batches it sent to
# PostgreSQL (the count per request: grep_error_log_out compares per
# repetition, not per request).  undef: not counted (the first request of
# a worker also looks up the client).
sub T140::rounds {
    my (@steps) = @_;
    my $auth = main::hdr();
    $auth =~ s/\AHost: [^\n]*\n//;
    for my $step (@steps) {
        my ($path, $want) = @$step;
        my $pos = OZ::Test::oz_log_size();
        my $res = OZ::Test::oz_http('GET', $path, $auth);
        Test::More::is($res->[0], 200, "GET $path: status");
        next unless defined $want;
        my @n = OZ::Test::oz_log_since($pos) =~ /openzaak pg: round trip/g;
        Test::More::is(scalar @n, $want, "GET $path: round trips");
    }
}

run_tests();

__DATA__

=== TEST 1: the first page of 1,000 zaaktypen is one round trip
--- init
main::seed()
--- request eval
["GET /catalogi/api/v1/catalogussen/$main::CAT",
 "GET /catalogi/api/v1/zaaktypen?catalogus=$main::BASE/catalogussen/$main::CAT"]
--- more_headers eval
main::hdr()
--- error_code eval
[200, 200]
--- page_size eval
['-', 100]
--- grep_error_log: openzaak pg: round trip
--- grep_error_log_out eval
[qr/\A(?:openzaak pg: round trip\n)+\z/,
 "openzaak pg: round trip\n"]
--- no_error_log
[alert]
[crit]
[emerg]



=== TEST 2: a later page and the last page are one round trip each
--- init
main::seed()
--- request eval
["GET /catalogi/api/v1/catalogussen/$main::CAT",
 "GET /catalogi/api/v1/zaaktypen?page=5",
 "GET /catalogi/api/v1/zaaktypen?page=10&status=alles"]
--- more_headers eval
main::hdr()
--- error_code eval
[200, 200, 200]
--- page_size eval
['-', 100, 100]
--- grep_error_log: openzaak pg: round trip
--- grep_error_log_out eval
[qr/\A(?:openzaak pg: round trip\n)+\z/,
 "openzaak pg: round trip\n",
 "openzaak pg: round trip\n"]
--- no_error_log
[alert]
[crit]
[emerg]



=== TEST 3: the catalogus with its 1,000 zaaktypen, and one zaaktype
--- init
main::seed()
--- request eval
["GET /catalogi/api/v1/catalogussen?domein=BULK",
 "GET /catalogi/api/v1/catalogussen/$main::CAT",
 "GET /catalogi/api/v1/zaaktypen/d0000000-0000-4000-8000-000000000500"]
--- more_headers eval
main::hdr()
--- error_code eval
[200, 200, 200]
--- response_body_like eval
[qr/"count":1,/,
 qr/\A(?:(?!"zaaktypen":\[)[\s\S])*"zaaktypen":\[(?:"[^"]+",){999}"[^"]+"\]/,
 qr/"statustypen":\[(?:"[^"]+",){9}"[^"]+"\],.*"roltypen":\[(?:"[^"]+",){4}"[^"]+"\]/]
--- grep_error_log: openzaak pg: round trip
--- grep_error_log_out eval
[qr/\A(?:openzaak pg: round trip\n)+\z/,
 "openzaak pg: round trip\n",
 "openzaak pg: round trip\n"]
--- no_error_log
[alert]
[crit]
[emerg]



=== TEST 4: every request is exactly one round trip, counted per request
Details (a row and the statements of its relations in one pipeline), list
pages (count, page and relations in one pipeline), the last page, filters
and the reference date.
--- init
main::seed();
T140::rounds(["/catalogi/api/v1/catalogussen/$main::CAT", undef],
             ["/catalogi/api/v1/catalogussen/$main::CAT", 1],
             ['/catalogi/api/v1/zaaktypen', 1],
             ['/catalogi/api/v1/zaaktypen?page=5', 1],
             ['/catalogi/api/v1/zaaktypen?page=last', 1],
             ['/catalogi/api/v1/zaaktypen?page=10&status=alles', 1],
             ['/catalogi/api/v1/zaaktypen/d0000000-0000-4000-8000-000000000500',
              1],
             ['/catalogi/api/v1/zaaktypen/d0000000-0000-4000-8000-000000000500'
              . '?datumGeldigheid=2021-06-01', 1],
             ['/catalogi/api/v1/catalogussen?domein=BULK', 1],
             ['/catalogi/api/v1/statustypen?zaaktype='
              . "$main::BASE/zaaktypen/d0000000-0000-4000-8000-000000000007",
              1],
             ['/catalogi/api/v1/besluittypen/'
              . 'b0000000-0000-4000-8000-000000000001', 1]);
--- request eval
"GET /catalogi/api/v1/zaaktypen?page=last"
--- more_headers eval
main::hdr()
--- error_code: 200
--- page_size: 100
--- no_error_log
[alert]
[crit]
[emerg]
