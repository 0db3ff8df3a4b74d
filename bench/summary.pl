#!/usr/bin/perl
# bench/summary.pl OUT_DIR POOL WORKERS: the markdown summary of a
# bench/run.sh run, from the .tsv files in OUT_DIR (printed on stdout;
# run.sh writes it to OUT_DIR/summary.md). The tables are meant to be pasted
# into docs/performance.md.
use strict;
use warnings;

my ($out, $pool, $workers) = @ARGV;
die "usage: $0 OUT_DIR POOL WORKERS\n" unless defined $workers;

sub read_tsv {
    my ($file, $header) = @_;
    open my $fh, '<', "$out/$file" or return ();
    my @rows;
    my @cols;
    while (my $line = <$fh>) {
        chomp $line;
        my @f = split /\t/, $line, -1;
        if ($header && !@cols) { @cols = @f; next; }
        push @rows, $header ? { map { $cols[$_] => $f[$_] } 0 .. $#cols } : \@f;
    }
    return @rows;
}

sub table {
    my ($head, @rows) = @_;
    my $s = '| ' . join(' | ', @$head) . " |\n";
    $s .= '|' . join('|', map { /^[<>]/ ? '---:' : '---' } @$head) . "|\n";
    $s =~ s/\| [<>]/| /g;
    $s .= '| ' . join(' | ', map { defined $_ ? $_ : '' } @$_) . " |\n" for @rows;
    return $s;
}

sub thousands {
    my $n = shift;
    return $n unless defined $n && $n =~ /^\d+$/;
    1 while $n =~ s/^(\d+)(\d{3})/$1,$2/;
    return $n;
}

my %machine = map { $_->[0] => $_->[1] } read_tsv('machine.tsv', 0);
my @dataset = read_tsv('dataset.tsv', 0);
my @sizes = read_tsv('sizes.tsv', 0);
my @results = read_tsv('results.tsv', 1);
my @cpu = read_tsv('cpu.tsv', 1);
my @errors = read_tsv('errors.tsv', 1);
my @mem = read_tsv('memory.tsv', 1);

my %rps;
my %row;
for my $r (@results) {
    $rps{"$r->{scenario}\t$r->{conns}"} = $r->{rps};
    $row{"$r->{scenario}\t$r->{conns}"} = $r;
}
my %cpu_by = map { $_->{scenario} => $_ } @cpu;
# the best pgbench -S run: its label, clients and tps
my ($best) = sort { $b->{rps} <=> $a->{rps} } grep { $_->{scenario} =~ /^pgbench -S/ } @results;
my $best_pg = $best ? $best->{rps} : undef;
my $best_name = $best ? "$best->{scenario}, $best->{conns} clients" : undef;

sub ratio {
    my ($a, $b) = @_;
    return '-' unless defined $a && defined $b && $b > 0;
    my $r = 100 * $a / $b;
    return sprintf($r < 10 ? '%.1f%%' : '%.0f%%', $r);
}

# CPU microseconds of one part (nginx, postgres, client, irq) per request
# (transaction) of a run; undef when the run is missing
sub cpu_us {
    my ($scenario, $conns, $part) = @_;
    my $r = $row{"$scenario\t$conns"} or return undef;
    my $c = $cpu_by{"$scenario c$conns"} or return undef;
    return undef unless $r->{rps} && $r->{rps} > 0;
    return 1e6 * $c->{"${part}_cores"} / $r->{rps};
}

# ------------------------------------------------------------ targets
#
# The issue's targets, each from this run's figures.

# the connection count of the targets: 64, or the most measured
my @wrk_conns = do { my %s; sort { $a <=> $b } grep { !$s{$_}++ }
    map { $_->{conns} } grep { $_->{scenario} !~ /pgbench|^SQL |^memory run/ } @results };
my $hi = (grep { $_ == 64 } @wrk_conns) ? 64 : $wrk_conns[-1];
my @targets;
my $verdict = sub {
    my ($ok) = @_;
    return 'not measured' unless defined $ok;
    return $ok ? 'met' : '**not met**';
};
sub pct { my ($a, $b) = @_; return (defined $a && defined $b && $b > 0) ? 100 * $a / $b : undef; }

if (defined $hi) {
    my $d = $rps{"detail GET\t$hi"};
    my $p = $rps{"pgbench -S -M prepared\t$hi"};
    my $r = pct($d, $p);
    push @targets, ["applicatie detail GET / `pgbench -S -M prepared`, $hi connections / clients",
        defined $r ? sprintf('%s / %s tps = %s', thousands($d), thousands($p), ratio($d, $p)) : '-',
        '>= 40%', $verdict->(defined $r ? $r >= 40 : undef)];

    my $z = $rps{"zaaktype detail GET\t$hi"};
    $r = pct($z, $best_pg);
    push @targets, ["zaaktype detail GET, $hi connections / best `pgbench -S`"
            . ($best_name ? " ($best_name)" : ''),
        defined $r ? sprintf('%s / %s tps = %s', thousands($z), thousands($best_pg), ratio($z, $best_pg)) : '-',
        '>= 30%', $verdict->(defined $r ? $r >= 30 : undef)];
}

{
    my $l = $row{"zaaktype list page 1\t1"};
    push @targets, ['zaaktype list page 1 (100 zaaktypen), p50 at 1 connection',
        $l ? "$l->{p50_ms} ms" : '-', '<= 3 ms', $verdict->($l ? $l->{p50_ms} <= 3 : undef)];
}

# CPU per detail GET against a pgbench -S transaction of the best run
my $pg_tx = $best ? cpu_us($best->{scenario}, $best->{conns}, 'postgres') : undef;
for my $s (['applicatie detail GET', 'detail GET'], ['zaaktype detail GET', 'zaaktype detail GET']) {
    last unless defined $hi;
    my ($name, $scenario) = @$s;
    my $ng = cpu_us($scenario, $hi, 'nginx');
    my $pg = cpu_us($scenario, $hi, 'postgres');
    push @targets, ["CPU per $name ($hi connections): nginx workers",
        defined $ng ? sprintf('%.1f µs', $ng) : '-', '<= 25 µs',
        $verdict->(defined $ng ? $ng <= 25 : undef)];
    my $x = (defined $pg && $pg_tx) ? $pg / $pg_tx : undef;
    push @targets, ["CPU per $name ($hi connections): PostgreSQL",
        defined $x ? sprintf('%.1f µs = %.1fx the %.1f µs of a `pgbench -S` transaction (%s)', $pg, $x, $pg_tx, $best_name) : '-',
        '<= 2x', $verdict->(defined $x ? $x <= 2 : undef)];
}

# Memory: per worker, private memory at the end of the memory run against
# the first sample after a sixth of it (10 s of 60: the first requests,
# the largest list pages, take their memory once).
my $flat_kib = 64;
# memory_flat PHASE: the target row of the memory run whose samples have
# phase PHASE (and after-PHASE)
sub memory_flat {
    my ($phase, $name) = @_;
    my %by;
    push @{ $by{$_->{pid}} }, $_ for grep { $_->{phase} eq $phase || $_->{phase} eq "after-$phase" } @mem;
    my @growth;
    my $from;
    for my $pid (sort { $a <=> $b } keys %by) {
        my @s = @{ $by{$pid} };
        my $last = $s[-1]{elapsed_s};
        my ($ref) = grep { $_->{phase} eq $phase && $_->{elapsed_s} >= $last / 6 } @s;
        next unless $ref && $ref != $s[-1];
        $from = $ref->{elapsed_s} if !defined $from || $ref->{elapsed_s} > $from;
        push @growth, $s[-1]{private_kb} - $ref->{private_kb};
    }
    my ($max) = sort { $b <=> $a } @growth;
    return [$name,
        @growth ? sprintf('private memory %s KiB from %s s to the end (%d workers)',
                          join(' / ', map { sprintf '%+d', $_ } @growth), $from, scalar @growth) : '-',
        "<= $flat_kib KiB growth per worker",
        $verdict->(@growth ? $max <= $flat_kib : undef)];
}
push @targets, memory_flat('memory-run', 'worker memory flat during the memory run');

{
    my ($non2xx, $sock, $failed, $err, $warn) = (0, 0, 0, 0, 0);
    for my $r (@results) {
        if ($r->{scenario} =~ /pgbench/) { $failed += $r->{non2xx} || 0; next; }
        $non2xx += $r->{non2xx} || 0;
        $sock += $r->{socket_errors} || 0;
    }
    for my $e (@errors) {
        $err += ($e->{error} || 0) + ($e->{crit_alert_emerg} || 0);
        $warn += $e->{warn} || 0;
    }
    my $total = $non2xx + $sock + $failed + $err;
    push @targets, ['no errors',
        sprintf('%d non-2xx, %d socket errors, %d failed pgbench transactions, %d error log lines >= error (%d warn)',
                $non2xx, $sock, $failed, $err, $warn),
        '0', $verdict->(@results ? $total == 0 : undef)];
}

print "## Targets\n\n";
print table(['target', 'this run', 'required', 'result'], @targets);
print "\nAll from this run. CPU per request: CPU seconds of the part during the run divided by the requests it completed (see below). "
    . "Memory: Private_Clean + Private_Dirty of each worker at the end of the memory run against its first sample after a sixth of the run. "
    . "Errors: every wrk and pgbench run, and the nginx error log during the whole benchmark (bodies run included).\n";

# ------------------------------------------------------------ zaken targets
#
# The Zaken benchmark of issue 9: a million zaken (bench/load-zaken.sql).

my %dataset = map { $_->[0] => $_->[1] } @dataset;
my @skipped = read_tsv('skipped.tsv', 1);
if (($dataset{zaken} || 0) > 0 || @skipped) {
    my @zc = do { my %s; sort { $a <=> $b } grep { !$s{$_}++ }
        map { $_->{conns} } grep { $_->{scenario} =~ /^(zaken |zaak )/ } @results };
    my $zhi = @zc ? $zc[-1] : 16;
    my %skip = map { $_->{scenario} => $_->{reason} } @skipped;
    my $zv = sub {
        my ($word, $ok) = @_;
        return "not measured (skipped: $skip{$word})" if !defined $ok && $skip{$word};
        return $verdict->($ok);
    };
    my @zt;
    for my $who ('superuser', '5 zaaktypen') {
        for my $c (1, $zhi) {
            my $max = $c == 1 ? 10 : 25;
            my $l = $row{"zaken list page 34 ($who)\t$c"};
            push @zt, ["zaken list page 34 (100 of " . thousands($dataset{zaken} || 0) . ", $who), p50 at $c connection" . ($c == 1 ? '' : 's'),
                $l ? "$l->{p50_ms} ms (p99 $l->{p99_ms} ms, " . thousands($l->{rps}) . " req/s)" : '-',
                "<= $max ms", $zv->('zakenlist', $l ? $l->{p50_ms} <= $max : undef)];
        }
    }
    my $zd = $rps{"zaak detail GET\t$zhi"};
    my $pgs = $rps{"pgbench -S -M prepared\t$zhi"};
    my $r = pct($zd, $pgs);
    push @zt, ["zaak detail GET / `pgbench -S -M prepared`, $zhi connections / clients",
        defined $r ? sprintf('%s / %s tps = %s', thousands($zd), thousands($pgs), ratio($zd, $pgs)) : '-',
        '>= 40%', $zv->('zaak', defined $r ? $r >= 40 : undef)];
    my $zp = $rps{"zaak POST\t$zhi"};
    my $tpcb = $rps{"pgbench TPC-B -M prepared\t$zhi"};
    $r = pct($zp, $tpcb);
    push @zt, ["zaak POST / `pgbench` TPC-B-like (-M prepared), $zhi connections / clients",
        defined $r ? sprintf('%s / %s tps = %s', thousands($zp), thousands($tpcb), ratio($zp, $tpcb)) : '-',
        '>= 20%', $zv->('zaakpost', defined $r ? $r >= 20 : undef)];
    my $m = memory_flat('zaken-memory-run', 'worker memory flat during the zaken memory run');
    $m->[3] = $zv->('zakenmemory', undef) if $m->[1] eq '-';
    push @zt, $m;
    print "\n## Targets: zaken at one million\n\n";
    print table(['target', 'this run', 'required', 'result'], @zt);
    print "\nThe zaken list pages: `GET /zaken/api/v1/zaken?page=34&pageSize=100` with `Accept-Crs: EPSG:4326`, as the superuser and as a client "
        . "authorised for 5 of the zaaktypen (up to zeer_geheim). The memory run: zaak detail GETs, 1 in 10 a random list page.\n";
    if (@skipped) {
        print "\nSkipped (their endpoints did not answer as expected on this build):\n\n";
        print table(['scenarios', 'reason'], map { [$_->{scenario}, $_->{reason}] } @skipped);
    }
}

print "\n## Machine\n\n";
print table(['', ''], map { [$_, $machine{$_}] }
    grep { exists $machine{$_} }
    ('date', 'cpu', 'cores', 'hypervisor', 'memory', 'kernel', 'os', 'postgresql',
     'nginx', 'wrk', 'pgbench', 'module', 'module build', 'load average at start', 'niceness of the benchmark processes'));
print "\nnginx: worker_processes $workers, openzaak_db_pool_size $pool (per worker).\n";

print "\n## Data set and response sizes\n\n";
print table(['', ''], (map { [$_->[0], thousands($_->[1])] } @dataset),
    (map { [$_->[0], $_->[1]] } @sizes));

print "\n## Throughput and latency\n\n";
my @rows;
for my $r (@results) {
    my $pg = $r->{scenario} =~ /pgbench/;
    push @rows, [
        $r->{scenario}, $r->{conns}, thousands($r->{rps}),
        $r->{p50_ms}, $r->{p90_ms}, $r->{p99_ms}, $r->{max_ms},
        $r->{non2xx}, $r->{socket_errors},
        $pg ? '-' : $r->{bytes_per_resp},
    ];
}
print table(['scenario', '>conns', '>req/s (tps)', '>p50 ms', '>p90 ms', '>p99 ms',
             '>max ms', '>non-2xx (failed)', '>socket errors', '>bytes/response'], @rows);
print "\npgbench prints no percentiles: its p50 column is the average latency.\n";

print "\n## Ratios\n\n";
my @ratio_rows;
for my $c (@wrk_conns) {
    my $d = $rps{"detail GET\t$c"};
    my $l = $rps{"list GET page 1\t$c"};
    my $z = $rps{"zaaktype detail GET\t$c"};
    push @ratio_rows, [
        $c,
        ratio($d, $rps{"pgbench -S -M simple\t$c"}),
        ratio($d, $rps{"pgbench -S -M prepared\t$c"}),
        ratio($d, $best_pg),
        ratio($d, $rps{"static detail-size\t$c"}),
        ratio($l, $rps{"static list-size\t$c"}),
        ratio($z, $rps{"pgbench -S -M prepared\t$c"}),
        ratio($z, $best_pg),
    ];
}
print table(['>conns / clients', '>detail / pgbench -S simple', '>detail / pgbench -S prepared',
             '>detail / best pgbench -S', '>detail / static detail-size',
             '>list page / static list-size', '>zaaktype detail / pgbench -S prepared',
             '>zaaktype detail / best pgbench -S'], @ratio_rows);
print "\n'detail' is the applicatie detail GET. Best pgbench -S: " . thousands($best_pg) . " tps ($best_name).\n" if $best_pg;

print "\n## CPU during each run (in cores; the machine has $machine{cores})\n\n";
print table(['run', '>wall s', '>nginx workers', '>PostgreSQL', '>client (wrk/pgbench)',
             '>irq+softirq', '>other', '>idle'],
    map { [$_->{scenario}, $_->{wall_s}, $_->{nginx_cores}, $_->{postgres_cores},
           $_->{client_cores}, $_->{irq_cores}, $_->{other_cores}, $_->{idle_cores}] } @cpu);
print "\nirq+softirq is kernel time not charged to any process (mostly the loopback TCP and unix socket traffic); 'other' is the rest of the busy time: kernel threads and anything else running on the machine.\n";

# CPU time per request: robust against other work on the machine
my @per;
for my $r (@results) {
    my $key = "$r->{scenario} c$r->{conns}";
    my $c = $cpu_by{$key} or next;
    next unless $r->{rps} && $r->{rps} > 0;
    my $us = sub { sprintf '%.1f', 1e6 * $_[0] / $r->{rps} };
    push @per, [$r->{scenario}, $r->{conns}, thousands($r->{rps}),
        $us->($c->{nginx_cores}), $us->($c->{postgres_cores}), $us->($c->{client_cores}),
        $us->($c->{irq_cores}),
        $us->($c->{nginx_cores} + $c->{postgres_cores} + $c->{client_cores} + $c->{irq_cores})];
}
if (@per) {
    print "\n## CPU time per request (microseconds)\n\n";
    print table(['scenario', '>conns', '>req/s', '>nginx', '>PostgreSQL', '>client', '>irq+softirq', '>sum'], @per);
    print "\nCPU seconds of each part during the run divided by the requests (transactions) it completed. It moves less with other work on the machine than req/s does, but it does move (caches, context switches).\n";
}

print "\n## Worker memory\n\n";
my %by_pid;
for my $m (@mem) {
    push @{ $by_pid{$m->{pid}} }, $m;
}
my @mem_rows;
for my $pid (sort { $a <=> $b } keys %by_pid) {
    my @s = @{ $by_pid{$pid} };
    my ($idle) = grep { $_->{phase} eq 'idle-after-start' } @s;
    my @run = grep { $_->{phase} =~ /^(memory-run|before-memory-run|after-memory-run)$/ } @s;
    next unless @run;
    my ($max_rss) = sort { $b <=> $a } map { $_->{rss_kb} } @run;
    my ($max_pss) = sort { $b <=> $a } map { $_->{pss_kb} } @run;
    my ($max_priv) = sort { $b <=> $a } map { $_->{private_kb} } @run;
    push @mem_rows, [
        $pid,
        $idle ? $idle->{rss_kb} : '-',
        $run[0]{rss_kb}, $run[-1]{rss_kb}, $max_rss, $run[-1]{rss_kb} - $run[0]{rss_kb},
        $run[0]{pss_kb}, $run[-1]{pss_kb}, $max_pss, $run[-1]{pss_kb} - $run[0]{pss_kb},
        $run[0]{private_kb}, $run[-1]{private_kb}, $max_priv, $run[-1]{private_kb} - $run[0]{private_kb},
        scalar @run,
    ];
}
print table(['>worker pid', '>RSS after start', '>RSS start', '>RSS end', '>RSS max', '>RSS end-start',
             '>PSS start', '>PSS end', '>PSS max', '>PSS end-start',
             '>private start', '>private end', '>private max', '>private end-start', '>samples'], @mem_rows);
print "\nAll in KiB. 'start' is the sample just before the memory run (after all other runs), 'end' one second after it; private = Private_Clean + Private_Dirty. Every sample: memory.tsv.\n";

my @bodies = read_tsv('bodies.tsv', 1);
if (@bodies) {
    print "\n## What a request body costs a worker\n\n";
    print table(['body', '>bytes', 'answer', '>seconds', '>worker peak growth (KiB)', '>kept after 1 s (KiB)'],
        map { [$_->{body}, thousands($_->{bytes}), $_->{status}, sprintf('%.2f', $_->{seconds}),
               thousands($_->{peak_growth_kb}), thousands($_->{retained_kb})] } @bodies);
    print "\nOne request at a time; peak growth is the worker's VmHWM over its VmRSS before the request, kept its VmRSS a second later over the same. Every figure: bodies.tsv.\n";
}

print "\n## nginx error log\n\n";
my @err_rows = grep { $_->{warn} || $_->{error} || $_->{crit_alert_emerg} } @errors;
if (@err_rows) {
    print table(['during', '>warn', '>error', '>crit/alert/emerg'],
        map { [$_->{scenario}, $_->{warn}, $_->{error}, $_->{crit_alert_emerg}] } @err_rows);
    if (open my $fh, '<', "$out/nginx-error.log") {
        my %seen;
        my @lines;
        while (<$fh>) {
            next unless /\[(warn|error|crit|alert|emerg)\]/;
            (my $k = $_) =~ s/^\S+ \S+ \[\w+\] \d+#\d+: (\*\d+ )?//;
            $k =~ s/, client: .*//s;
            push @lines, $_ unless $seen{$k}++;
        }
        if (@lines) {
            print "\nDistinct messages (first of each):\n\n```\n";
            print @lines[0 .. ($#lines < 9 ? $#lines : 9)];
            print "```\n";
        }
    }
} else {
    print "No warn, error, crit, alert or emerg lines during the runs.\n";
}
