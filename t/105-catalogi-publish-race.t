# ztc-016 under concurrency: two transactions that each make a version of
# one object published (or change a published version's geldigheid) must
# not both pass catalogi.check_overlap.  Under READ COMMITTED neither sees
# the other's uncommitted row; sql/0007_publish_lock.sql serialises the
# check per object (kind, catalogus, identificatie or omschrijving) with a
# transaction-level advisory lock.
#
# How a block makes the race happen, without relying on timing:
#
# 1. --- init starts a psql of its own (T105::hold) that publishes version
#    A inside a transaction and keeps the transaction open: it holds the
#    lock and its row is not committed.  The block waits until psql has
#    run its statements (it renames its session last, which
#    pg_stat_activity shows).
# 2. A watcher process (T105::watch) waits until a backend waits for an
#    advisory lock (the module's, publishing version B), then commits A
#    (or rolls it back).
# 3. The block's request publishes B: with the lock it waits for A, then
#    sees A committed and answers 400 overlap, as in the sequential case
#    (t/100 TEST 120, t/110 TEST 59 and 119).  Without the lock it would
#    not wait, would not see A and would answer 200; the watcher then
#    gives up after 5 s and commits A anyway.
#
# Each init first ends what the previous block left (T105::release), and
# so does END.
use strict;
use warnings;
use lib 't/lib';
use Test::Nginx::Socket 'no_plan';
use OZ::Test;

use POSIX ();
use Time::HiRes ();

no_shuffle();
no_long_string();
workers(1);
oz_setup(apis => ['catalogi']);

add_block_preprocessor(sub {
    my $block = shift;
    if (!defined $block->no_error_log) {
        $block->set_value(no_error_log => "[alert]\n[emerg]\n[crit]");
    }
});

our $SCHRIJVER = 'aaaaaaaa-0000-4000-8000-000000000003';
our $C1 = 'c0000000-0000-4000-8000-000000000001';

sub T105::zt  { sprintf 'a0000000-0000-4000-8000-%012d', $_[0] }
sub T105::bt  { sprintf 'b0000000-0000-4000-8000-%012d', $_[0] }
sub T105::iot { sprintf 'd0000000-0000-4000-8000-%012d', $_[0] }

sub T105::hdr {
    return OZ::Test::oz_bearer(client_id => 'schrijver',
                               secret => 'schrijver-secret')
        . "\nHost: localhost\nContent-Type: application/json\n";
}

# A fresh database: one client with catalogi.schrijven, one catalogus.
sub T105::seed {
    T105::release();
    OZ::Test::oz_reset();
    OZ::Test::oz_client(client_id => 'schrijver', secret => 'schrijver-secret',
        uuid => $main::SCHRIJVER, heeft_alle => 0,
        autorisaties => [{ component => 'ztc',
                           scopes => ['catalogi.lezen',
                                      'catalogi.schrijven'] }]);
    OZ::Test::oz_psql("INSERT INTO catalogi.catalogus (uuid, domein, rsin,"
        . " contactpersoon_beheer_naam) VALUES ('$main::C1', 'ZAKEN',"
        . " '517439943', 'Beheerder')");
}

# A zaaktype (no relations, so it can be published without minimums).
sub T105::add_zt {
    my ($n, $ident, $concept, $begin, $einde) = @_;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie,"
        . " omschrijving, vertrouwelijkheidaanduiding, doel, aanleiding,"
        . " indicatie_intern_of_extern, handeling_initiator, onderwerp,"
        . " handeling_behandelaar, doorlooptijd,"
        . " opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,"
        . " publicatie_indicatie, referentieproces, verantwoordelijke,"
        . " begin_geldigheid, einde_geldigheid, versiedatum, concept)"
        . " VALUES (%s, %s, %s, 'Zaaktype', 'openbaar', 'Doel',"
        . " 'Aanleiding', 'extern', 'melden', 'Onderwerp', 'behandelen',"
        . " 'P30D', false, false, false,"
        . " '{\"naam\": \"Referentieproces\", \"link\": \"\"}', 'Team',"
        . " %s, %s, %s, %s)",
        oz_quote(T105::zt($n)), oz_quote($main::C1), oz_quote($ident),
        oz_quote($begin), oz_quote($einde), oz_quote($begin),
        $concept ? 'true' : 'false'));
}

sub T105::add_bt {
    my ($n, $oms, $concept, $begin, $einde) = @_;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.besluittype (uuid, catalogus, omschrijving,"
        . " publicatie_indicatie, begin_geldigheid, einde_geldigheid,"
        . " concept) VALUES (%s, %s, %s, false, %s, %s, %s)",
        oz_quote(T105::bt($n)), oz_quote($main::C1), oz_quote($oms),
        oz_quote($begin), oz_quote($einde), $concept ? 'true' : 'false'));
}

sub T105::add_iot {
    my ($n, $oms, $concept, $begin, $einde) = @_;
    OZ::Test::oz_psql(sprintf(
        "INSERT INTO catalogi.informatieobjecttype (uuid, catalogus,"
        . " omschrijving, vertrouwelijkheidaanduiding, begin_geldigheid,"
        . " einde_geldigheid, concept, informatieobjectcategorie)"
        . " VALUES (%s, %s, %s, 'openbaar', %s, %s, %s, 'Categorie')",
        oz_quote(T105::iot($n)), oz_quote($main::C1), oz_quote($oms),
        oz_quote($begin), oz_quote($einde), $concept ? 'true' : 'false'));
}

# Polls $cond every 20 ms until it returns true; false after $secs.
sub T105::poll {
    my ($secs, $cond) = @_;
    my $deadline = Time::HiRes::time() + $secs;
    for (;;) {
        return 1 if $cond->();
        return 0 if Time::HiRes::time() > $deadline;
        Time::HiRes::sleep(0.02);
    }
}

# --- the other session ---------------------------------------------------

our ($HolderPid, $HolderFh, $WatcherPid);

# Starts psql in a transaction that publishes version UUID of KIND as the
# module does, and leaves the transaction open.  Returns when psql has
# run every statement (its last one renames the session).
sub T105::hold {
    my ($kind, $uuid) = @_;
    die "a transaction is held already\n" if $main::HolderPid;
    pipe(my $r, my $w) or die "pipe: $!\n";
    my $pid = fork // die "fork: $!\n";
    if (!$pid) {
        close $w;
        POSIX::dup2(fileno $r, 0) or POSIX::_exit(126);
        open STDOUT, '>', '/dev/null';
        { exec 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1',
               $ENV{TEST_NGINX_OZ_DB}; }
        POSIX::_exit(127);
    }
    close $r;
    $w->autoflush(1);
    ($main::HolderPid, $main::HolderFh) = ($pid, $w);
    print {$w} "SET application_name = 'oz_t105_holder';\n"
             . "SET idle_in_transaction_session_timeout = '60s';\n"
             . "BEGIN;\n"
             . "SELECT catalogi.publish('$kind', '$uuid', false);\n"
             . "SELECT zgw.problems_raise();\n"
             . "SET application_name = 'oz_t105_ready';\n";
    T105::poll(10, sub {
        OZ::Test::oz_psql("SELECT count(*) FROM pg_stat_activity"
            . " WHERE application_name = 'oz_t105_ready'"
            . " AND state = 'idle in transaction'") == 1
    }) or die "the other session did not publish $kind $uuid\n";
}

# Forks a process that waits (at most 5 s) until some backend waits for
# an advisory lock, then ends the held transaction with $end (COMMIT or
# ROLLBACK).
sub T105::watch {
    my ($end) = @_;
    my $pid = fork // die "fork: $!\n";
    if (!$pid) {
        T105::poll(5, sub {
            OZ::Test::oz_psql("SELECT count(*) FROM pg_stat_activity"
                . " WHERE wait_event_type = 'Lock'"
                . " AND wait_event = 'advisory'") > 0
        });
        local $SIG{PIPE} = 'IGNORE';
        print {$main::HolderFh} "$end;\n";
        POSIX::_exit(0);
    }
    $main::WatcherPid = $pid;
}

# Ends what a block left: the watcher, which ended the transaction, or
# else a COMMIT (a transaction still open would hold the locks the next
# TRUNCATE needs); then psql.
sub T105::release {
    my $ended = 0;
    if ($main::WatcherPid) {
        waitpid $main::WatcherPid, 0;
        ($main::WatcherPid, $ended) = (undef, 1);
    }
    my $pid = $main::HolderPid or return;
    {
        local $SIG{PIPE} = 'IGNORE';
        print {$main::HolderFh} "COMMIT;\n" unless $ended;
        close $main::HolderFh;
    }
    T105::poll(10, sub { waitpid($pid, POSIX::WNOHANG()) != 0 })
        or do { kill 'KILL', $pid; waitpid $pid, 0 };
    ($main::HolderPid, $main::HolderFh) = (undef, undef);
}

END {
    my $status = $?;
    if ($main::WatcherPid) {
        kill 'KILL', $main::WatcherPid;
        waitpid $main::WatcherPid, 0;
    }
    if ($main::HolderPid) {
        kill 'TERM', $main::HolderPid;
        waitpid $main::HolderPid, 0;
    }
    $? = $status;
}

run_tests();

__DATA__

=== TEST 1: zaaktype: a publish that waits for a concurrent publish of an overlapping version is 400 overlap
--- init
T105::seed();
T105::add_zt(1, 'ZT1', 1, '2020-01-01', undef);
T105::add_zt(2, 'ZT1', 1, '2021-01-01', undef);
T105::hold('zaaktype', T105::zt(1));
T105::watch('COMMIT');
--- request eval
"POST /catalogi/api/v1/zaaktypen/" . T105::zt(2) . "/publish\n{}"
--- more_headers eval
sub { T105::hdr() }
--- timeout: 10
--- error_code: 400
--- response_headers
Content-Type: application/problem+json
--- json_subset
{"type": "http://localhost/ref/fouten/ValidationError/",
 "code": "invalid", "title": "Ongeldige invoer.", "status": 400,
 "detail": "Ongeldige invoer.",
 "invalidParams": [{"name": "beginGeldigheid", "code": "overlap",
    "reason": "Dit zaaktype komt al voor binnen de catalogus en opgegeven geldigheidsperiode."}]}
--- sql_check
SELECT string_agg(concept::text, ',' ORDER BY uuid),
       (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.zaaktype
--- sql_check_out
false,true|0



=== TEST 2: zaaktype: a PATCH of eindeGeldigheid that waits for a concurrent publish it would overlap is 400 overlap
A published version ends in 2020; the next version, from 2021, is being
published by the other session while the request moves the end of the
first into 2021.
--- init
T105::seed();
T105::add_zt(1, 'ZT1', 0, '2020-01-01', '2020-12-31');
T105::add_zt(2, 'ZT1', 1, '2021-01-01', undef);
T105::hold('zaaktype', T105::zt(2));
T105::watch('COMMIT');
--- request eval
"PATCH /catalogi/api/v1/zaaktypen/" . T105::zt(1)
. "\n{\"eindeGeldigheid\": \"2021-06-30\"}"
--- more_headers eval
sub { T105::hdr() }
--- timeout: 10
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "eindeGeldigheid", "code": "overlap",
    "reason": "Dit zaaktype komt al voor binnen de catalogus en opgegeven geldigheidsperiode."}]}
--- sql_check
SELECT string_agg(concat_ws('/', concept, einde_geldigheid), ',' ORDER BY uuid),
       (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.zaaktype
--- sql_check_out
f/2020-12-31,f|0



=== TEST 3: besluittype: a publish that waits for a concurrent publish of an overlapping version is 400 overlap
--- init
T105::seed();
T105::add_bt(1, 'Vergunning', 1, '2020-01-01', '2025-12-31');
T105::add_bt(2, 'Vergunning', 1, '2025-01-01', undef);
T105::hold('besluittype', T105::bt(1));
T105::watch('COMMIT');
--- request eval
"POST /catalogi/api/v1/besluittypen/" . T105::bt(2) . "/publish\n{}"
--- more_headers eval
sub { T105::hdr() }
--- timeout: 10
--- error_code: 400
--- json_subset
{"type": "http://localhost/ref/fouten/ValidationError/",
 "code": "invalid", "title": "Ongeldige invoer.", "status": 400,
 "detail": "Ongeldige invoer.",
 "invalidParams": [{"name": "beginGeldigheid", "code": "overlap",
    "reason": "Dit besluittype komt al voor binnen de catalogus en opgegeven geldigheidsperiode."}]}
--- sql_check
SELECT string_agg(concept::text, ',' ORDER BY uuid),
       (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.besluittype
--- sql_check_out
false,true|0



=== TEST 4: informatieobjecttype: a publish that waits for a concurrent publish of an overlapping version is 400 overlap
--- init
T105::seed();
T105::add_iot(1, 'Brief', 1, '2020-01-01', undef);
T105::add_iot(2, 'Brief', 1, '2021-06-01', undef);
T105::hold('informatieobjecttype', T105::iot(1));
T105::watch('COMMIT');
--- request eval
"POST /catalogi/api/v1/informatieobjecttypen/" . T105::iot(2) . "/publish\n{}"
--- more_headers eval
sub { T105::hdr() }
--- timeout: 10
--- error_code: 400
--- json_subset
{"code": "invalid",
 "invalidParams": [{"name": "beginGeldigheid", "code": "overlap",
    "reason": "Dit informatieobjecttype komt al voor binnen de catalogus en opgegeven geldigheidsperiode."}]}
--- sql_check
SELECT string_agg(concept::text, ',' ORDER BY uuid),
       (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.informatieobjecttype
--- sql_check_out
false,true|0



=== TEST 5: the other publish rolls back: the waiting publish goes through
--- init
T105::seed();
T105::add_zt(1, 'ZT1', 1, '2020-01-01', undef);
T105::add_zt(2, 'ZT1', 1, '2021-01-01', undef);
T105::hold('zaaktype', T105::zt(1));
T105::watch('ROLLBACK');
--- request eval
"POST /catalogi/api/v1/zaaktypen/" . T105::zt(2) . "/publish\n{}"
--- more_headers eval
sub { T105::hdr() }
--- timeout: 10
--- error_code: 200
--- json_subset
{"concept": false}
--- sql_check
SELECT string_agg(concept::text, ',' ORDER BY uuid),
       (SELECT count(*) FROM zgw.notificatie)
  FROM catalogi.zaaktype
--- sql_check_out
true,false|1



=== TEST 6: the lock is per object: a publish of another zaaktype does not wait
The other session keeps its publish of ZT1 open for the whole block; the
publish of ZT2 must be answered meanwhile (within the 3 s client timeout).
--- init
T105::seed();
T105::add_zt(1, 'ZT1', 1, '2020-01-01', undef);
T105::add_zt(2, 'ZT2', 1, '2020-01-01', undef);
T105::hold('zaaktype', T105::zt(1));
--- request eval
"POST /catalogi/api/v1/zaaktypen/" . T105::zt(2) . "/publish\n{}"
--- more_headers eval
sub { T105::hdr() }
--- timeout: 3
--- error_code: 200
--- json_subset
{"concept": false}
--- sql_check
SELECT concept FROM catalogi.zaaktype WHERE uuid = 'a0000000-0000-4000-8000-000000000002'
--- sql_check_out
f



=== TEST 7: nothing is left waiting
--- init
T105::release();
Test::More::is(OZ::Test::oz_psql("SELECT count(*) FROM pg_stat_activity"
    . " WHERE application_name LIKE 'oz_t105%'"), 0, 'the other session ended');
--- request
GET /catalogi/api/v1/zaaktypen
--- more_headers eval
sub { T105::hdr() }
--- error_code: 200
