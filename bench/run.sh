#!/usr/bin/env bash
# bench/run.sh: the benchmark of ngx_openzaak_module (`make bench`). See
# bench/README.md for what it measures and docs/performance.md for results.
#
# Starts a dedicated instance that never touches the data of `make run`:
# a fresh PostgreSQL cluster in .run/bench-pg (unix socket only, port number
# 55435) and nginx with prefix .run/bench-nginx on 127.0.0.1:8200. Loads
# BENCH_APPLICATIES applicaties (bench/load.sql), a catalogus with
# BENCH_ZAAKTYPEN zaaktypen (bench/load-catalogi.sql) and a superuser client,
# then measures with wrk and pgbench, samples worker memory, optionally
# profiles with perf, stops everything (also on failure or Ctrl-C) and
# writes the results to bench/out/ (summary.md holds the tables).
#
# Environment (defaults in brackets):
#   BENCH_DURATION      seconds per measured run                       [20]
#   BENCH_WARMUP        seconds of warm-up before each wrk scenario    [5]
#   BENCH_CONNS         wrk connections / pgbench clients             ["1 64"]
#   BENCH_MEM_DURATION  seconds of the memory run (64 connections)     [60]
#   BENCH_MEM_INTERVAL  seconds between memory samples                 [5]
#   BENCH_MEM_LIST_EVERY  in the memory run, 1 request in N is a list page [100]
#   BENCH_APPLICATIES   applicaties loaded                             [10000]
#   BENCH_ZAAKTYPEN     zaaktypen loaded (each with 10 statustypen, 5
#                       roltypen, 3 resultaattypen, 3 besluittypen and 3
#                       informatieobjecttypen)                         [100]
#   BENCH_ZAKEN         zaken loaded (bench/load-zaken.sql), each with a
#                       status and a rol; 0 when no zaken scenario runs [1000000]
#   BENCH_ZAKEN_CONNS   wrk connections / pgbench clients of the zaken
#                       scenarios and their ceilings                   ["1 16"]
#   BENCH_CACHE         1: keep the loaded cluster in .run/bench-pg-cache
#                       and start the next run from a copy of it when the
#                       migrations, the loaders and their sizes are the same;
#                       0: load everything again                       [1]
#   BENCH_WORKERS       nginx worker_processes                         [2]
#   BENCH_POOL          openzaak_db_pool_size (per worker)             [4]
#   BENCH_PGBENCH_SCALE pgbench scale factor                           [10]
#   BENCH_PROFILE       1: perf record -g of nginx, PostgreSQL and wrk
#                       during a detail GET run                        [1 when perf exists]
#   BENCH_PROFILE_DURATION seconds of that run                         [10]
#   BENCH_PORT, BENCH_PG_PORT                                          [8200, 55435]
#   BENCH_ONLY          a subset of: detail static list zaaktype zaaktypelist
#                       pgbench sqlvariants memory bodies profile
#                       zakenlist zakenstatic zaak zaakzoek zaakpost tpcb
#                       zakenmemory
#                       (default: all of them)
#   BENCH_BODY_MB       size of the largest bodies of the bodies run, in MB;
#                       client_max_body_size of the instance            [100]
#   BENCH_QUIET_MAX     before each run, wait up to this many seconds while
#                       other processes keep more than 0.2 cores busy   [60]
#   BENCH_NICE          niceness of nginx, PostgreSQL, wrk and pgbench, so
#                       that other work on a shared machine disturbs less
#                       [-10 as root, else 0 (unchanged)]
#   BENCH_QUICK=1       3-second runs, 1-second warm-ups, 10-second memory run
#                       (checks the script, not the module)
set -euo pipefail
# The whole script is one brace group, read completely before it runs: an
# edit of this file (or a git pull) during a run cannot break that run.
{
. "$(dirname "${BASH_SOURCE[0]}")/../.ci/lib.sh"

bench_dir="$OZ_REPO/bench"
out="$bench_dir/out"

if [ "${BENCH_QUICK:-0}" = 1 ]; then
    : "${BENCH_DURATION:=3}" "${BENCH_WARMUP:=1}" "${BENCH_MEM_DURATION:=10}" \
      "${BENCH_MEM_INTERVAL:=2}" "${BENCH_PROFILE_DURATION:=3}"
fi
duration="${BENCH_DURATION:-20}"
warmup="${BENCH_WARMUP:-5}"
conns_list="${BENCH_CONNS:-1 64}"
mem_duration="${BENCH_MEM_DURATION:-60}"
mem_list_every="${BENCH_MEM_LIST_EVERY:-100}"
mem_interval="${BENCH_MEM_INTERVAL:-5}"
napplicaties="${BENCH_APPLICATIES:-10000}"
nzaken="${BENCH_ZAKEN:-1000000}"
zaken_conns="${BENCH_ZAKEN_CONNS:-1 16}"
use_cache="${BENCH_CACHE:-1}"
nzaaktypen="${BENCH_ZAAKTYPEN:-100}"
workers="${BENCH_WORKERS:-2}"
pool="${BENCH_POOL:-4}"
scale="${BENCH_PGBENCH_SCALE:-10}"
port="${BENCH_PORT:-8200}"
pg_port="${BENCH_PG_PORT:-55435}"
profile_duration="${BENCH_PROFILE_DURATION:-10}"
if [ -z "${BENCH_PROFILE:-}" ]; then
    if command -v perf >/dev/null 2>&1; then BENCH_PROFILE=1; else BENCH_PROFILE=0; fi
fi
profile="$BENCH_PROFILE"
client_id="bench-admin"
zaken_words="zakenlist zakenstatic zaak zaakzoek zaakpost tpcb zakenmemory"
only="${BENCH_ONLY:-detail static list zaaktype zaaktypelist pgbench sqlvariants memory bodies profile $zaken_words}"
body_mb="${BENCH_BODY_MB:-100}"
quiet_max="${BENCH_QUIET_MAX:-60}"
if [ -z "${BENCH_NICE:-}" ]; then
    if oz_is_root; then BENCH_NICE=-10; else BENCH_NICE=0; fi
fi
nice_level="$BENCH_NICE"
case "$nice_level" in -[0-9] | -1[0-9] | -20 | [0-9] | 1[0-9]) ;; *) oz_die "BENCH_NICE must be -20..19" ;; esac
# renice_tree PID: PID and its children (new children inherit it)
renice_tree() {
    [ "$nice_level" = 0 ] && return 0
    # shellcheck disable=SC2046
    renice -n "$nice_level" -p "$1" $(pgrep -P "$1") >/dev/null \
        || oz_die "renice $nice_level failed (BENCH_NICE=0 to run without)"
}
want() { case " $only " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
for w in $only; do
    case "$w" in detail | static | list | zaaktype | zaaktypelist | pgbench | sqlvariants | memory | bodies | profile) ;;
        zakenlist | zakenstatic | zaak | zaakzoek | zaakpost | tpcb | zakenmemory) ;;
        *) oz_die "BENCH_ONLY: unknown '$w'" ;;
    esac
done
want profile || profile=0
want_zaken() { local w; for w in $zaken_words; do want "$w" && return 0; done; return 1; }
want_zaken || nzaken=0

for v in duration warmup quiet_max mem_duration mem_list_every mem_interval napplicaties nzaaktypen nzaken pool scale port pg_port profile_duration body_mb; do
    case "${!v}" in '' | *[!0-9]*) oz_die "$v must be a whole number (got '${!v}')" ;; esac
done
case "$workers" in auto | [1-9] | [1-9][0-9]) ;; *) oz_die "BENCH_WORKERS must be a number or auto" ;; esac
for c in $conns_list; do
    case "$c" in '' | *[!0-9]* | 0) oz_die "BENCH_CONNS must list positive numbers" ;; esac
done
for c in $zaken_conns; do
    case "$c" in '' | *[!0-9]* | 0) oz_die "BENCH_ZAKEN_CONNS must list positive numbers" ;; esac
done
case "$use_cache" in 0 | 1) ;; *) oz_die "BENCH_CACHE must be 0 or 1" ;; esac
[ "$duration" -ge 1 ] && [ "$mem_duration" -ge 1 ] && [ "$mem_interval" -ge 1 ] \
    || oz_die "durations must be at least 1 second"
[ "$nzaaktypen" -ge 1 ] || oz_die "BENCH_ZAAKTYPEN must be at least 1"

# ------------------------------------------------------------ prerequisites

missing=()
for tool in wrk pgbench psql curl openssl perl flock runuser awk; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -x "$OZ_NGINX" ] || missing+=("$OZ_NGINX")
[ -x "$OZ_PG_BIN/initdb" ] || missing+=("$OZ_PG_BIN/initdb")
if [ ${#missing[@]} -gt 0 ]; then
    oz_die "missing: ${missing[*]} (make deps deps-bench installs them)"
fi
[ -f "$OZ_MODULE" ] || oz_die "$OZ_MODULE is not built (make build)"
if [ "$profile" = 1 ] && ! command -v perf >/dev/null 2>&1; then
    oz_die "BENCH_PROFILE=1 but perf is not installed (apt-get install linux-perf, or BENCH_PROFILE=0)"
fi
for f in load.sql load-catalogi.sql load-zaken.sql nginx.conf.in wrk.lua; do
    [ -f "$bench_dir/$f" ] || oz_die "$bench_dir/$f is missing"
done

oz_lock "$OZ_RUN/bench.lock"

pg_base="$(oz_pg_base bench-pg)"
prefix="$(oz_state_dir bench-nginx)"
db="$(oz_pg_conninfo "$pg_base" "$pg_port" openzaak openzaak)"
db_admin="$(oz_pg_conninfo "$pg_base" "$pg_port" postgres postgres)"
sock="$(oz_pg_sock "$pg_base")"

# ------------------------------------------------------------ cleanup

bg_pid=""   # the load generator running in the background, if any
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$bg_pid" ]; then
        kill "$bg_pid" 2>/dev/null || true
        wait "$bg_pid" 2>/dev/null || true
    fi
    if oz_nginx_pid "$prefix" >/dev/null 2>&1; then
        oz_say "stopping the benchmark nginx"
        oz_nginx_stop "$prefix" || true
    fi
    if oz_pg_running "$pg_base"; then
        oz_say "stopping the benchmark PostgreSQL"
        oz_pg_stop "$pg_base" || true
    fi
    if [ "$rc" != 0 ]; then
        printf '%s: failed (exit status %s); partial results in %s\n' "$OZ_ME" "$rc" "$out" >&2
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$out"
mkdir -p "$out"
start_epoch="$(date +%s)"

# ------------------------------------------------------------ machine

clk_tck="$(getconf CLK_TCK)"
ncpu="$(nproc)"
{
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'cpu\t%s\n' "$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    printf 'cores\t%s online (nproc), %s threads per core\n' "$ncpu" \
        "$(lscpu 2>/dev/null | awk -F': *' '/^Thread\(s\) per core/ {print $2}')"
    printf 'hypervisor\t%s\n' "$(lscpu 2>/dev/null | awk -F': *' '/^Hypervisor vendor/ {print $2}')"
    printf 'memory\t%s MiB\n' "$(awk '/^MemTotal/ {printf "%d", $2 / 1024}' /proc/meminfo)"
    printf 'kernel\t%s\n' "$(uname -sr)"
    printf 'os\t%s\n' "$(. /etc/os-release && printf '%s' "$PRETTY_NAME")"
    printf 'postgresql\t%s\n' "$("$OZ_PG_BIN/postgres" --version)"
    printf 'nginx\t%s\n' "$("$OZ_NGINX" -v 2>&1 | sed 's/^nginx version: //')"
    printf 'wrk\t%s\n' "$(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
    printf 'pgbench\t%s\n' "$(pgbench --version)"
    printf 'module\t%s%s\n' "$(git -C "$OZ_REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
        "$(git -C "$OZ_REPO" diff --quiet HEAD -- ngx_openzaak_module config 2>/dev/null || echo ' (module sources modified)')"
    printf 'module build\t%s, sha256 %s\n' "$(date -u -r "$OZ_MODULE" '+%Y-%m-%d %H:%M UTC')" "$(sha256sum "$OZ_MODULE" | cut -c1-12)"
    printf 'load average at start\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf 'niceness of the benchmark processes\t%s\n' "$nice_level"
} >"$out/machine.tsv"
oz_say "machine"
sed 's/\t/: /' "$out/machine.tsv"
load1="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$load1" 'BEGIN { exit !(l > 0.5) }'; then
    oz_warn "load average $load1 before the start: something else runs on this machine and will skew the figures"
    ps -eo pid,pcpu,etime,comm --sort=-pcpu | head -n 8 | sed 's/^/    /' >&2
fi

# ------------------------------------------------------------ PostgreSQL

# The cluster with every data set loaded is kept in .run/bench-pg-cache
# (BENCH_CACHE=1): loading a million zaken takes minutes, so a run starts
# from a copy of the cluster an earlier run loaded, when everything that
# made it is the same (the key: the migrations, the loaders, their sizes,
# the PostgreSQL version and settings). Each run still works on its own
# copy, so what one run writes (POSTs, pgbench's TPC-B) never reaches the
# next.
pg_settings() {
    echo "# bench/run.sh"
    echo "shared_buffers = 512MB"
    echo "max_connections = 300"
    echo "log_min_messages = warning"
    echo "log_checkpoints = off"
}
cache_dir="$(oz_state_dir bench-pg-cache)"
cache_key="$(
    {
        printf 'applicaties %s zaaktypen %s zaken %s pgbench scale %s\n' "$napplicaties" "$nzaaktypen" "$nzaken" "$scale"
        "$OZ_PG_BIN/postgres" --version
        pg_settings
        cat "$OZ_REPO"/sql/[0-9]*.sql "$bench_dir/load.sql" "$bench_dir/load-catalogi.sql" \
            "$bench_dir/load-zaken.sql" "$OZ_REPO/.ci/lib.sh"
    } | sha256sum | cut -c1-16)"
oz_pg_stop "$pg_base"
rm -rf "$pg_base"
if [ "$use_cache" = 1 ] && [ -f "$cache_dir/$cache_key/ready" ]; then
    oz_say "PostgreSQL: a copy of the cluster loaded on $(cat "$cache_dir/$cache_key/ready") ($cache_dir/$cache_key) in $pg_base (socket port $pg_port)"
    mkdir -p "$pg_base" "$sock"
    chmod 755 "$pg_base" "$sock"
    if oz_is_root; then chown postgres:postgres "$pg_base" "$sock"; fi
    cp -a "$cache_dir/$cache_key/data" "$(oz_pg_data "$pg_base")"
    { echo "port = $pg_port"; echo "unix_socket_directories = '$sock'"; } >>"$(oz_pg_data "$pg_base")/postgresql.conf"
    oz_pg_start "$pg_base"
    renice_tree "$(head -n 1 "$(oz_pg_data "$pg_base")/postmaster.pid")"
    cp "$cache_dir/$cache_key/load.tsv" "$out/load.tsv"
    printf 'loaded\t%s, copied from .run/bench-pg-cache\n' "$(cat "$cache_dir/$cache_key/ready")" >>"$out/load.tsv"
else
    oz_say "PostgreSQL: fresh cluster in $pg_base (socket port $pg_port)"
    oz_pg_init "$pg_base" "$pg_port" fast
    pg_settings >>"$(oz_pg_data "$pg_base")/postgresql.conf"
    oz_pg_start "$pg_base"
    renice_tree "$(head -n 1 "$(oz_pg_data "$pg_base")/postmaster.pid")"
    oz_pg_create_db "$pg_base" "$pg_port" openzaak
    "$OZ_REPO/sql/migrate" "$db" >"$out/migrate.log" 2>&1 || { cat "$out/migrate.log" >&2; oz_die "sql/migrate failed"; }
    oz_seed_superuser "$db" "$client_id" "bench/run.sh superuser" || oz_die "seeding the benchmark client failed"

    oz_say "loading $napplicaties applicaties (bench/load.sql)"
    t0="$(date +%s.%N)"
    psql -X -q -v ON_ERROR_STOP=1 -v n="$napplicaties" -d "$db" -f "$bench_dir/load.sql" >"$out/load.log" 2>&1 \
        || { cat "$out/load.log" >&2; oz_die "loading the applicaties failed"; }
    oz_say "loading a catalogus with $nzaaktypen zaaktypen (bench/load-catalogi.sql)"
    psql -X -q -v ON_ERROR_STOP=1 -v n="$nzaaktypen" -d "$db" -f "$bench_dir/load-catalogi.sql" >"$out/load-catalogi.log" 2>&1 \
        || { cat "$out/load-catalogi.log" >&2; oz_die "loading the catalogus failed"; }
    t1="$(date +%s.%N)"
    printf 'applicaties and catalogus (s)\t%s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" >"$out/load.tsv"
    if [ "$nzaken" -gt 0 ]; then
        oz_say "loading $nzaken zaken with a status and a rol each (bench/load-zaken.sql; a few minutes at a million)"
        t0="$(date +%s.%N)"
        # as the superuser: the bulk load turns triggers and foreign-key checks off
        psql -X -q -v ON_ERROR_STOP=1 -v n="$nzaken" -d "$(oz_pg_conninfo "$pg_base" "$pg_port" openzaak postgres)" \
            -f "$bench_dir/load-zaken.sql" >"$out/load-zaken.log" 2>&1 \
            || { cat "$out/load-zaken.log" >&2; oz_die "loading the zaken failed"; }
        t1="$(date +%s.%N)"
        printf 'zaken, with VACUUM (FREEZE, ANALYZE) (s)\t%s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" >>"$out/load.tsv"
    fi

    oz_say "pgbench database, scale $scale"
    psql -X -q -d "$db_admin" -c "CREATE DATABASE pgbench" >/dev/null
    pgbench -i -q -s "$scale" -h "$sock" -p "$pg_port" -U postgres pgbench >"$out/pgbench-init.log" 2>&1 \
        || { cat "$out/pgbench-init.log" >&2; oz_die "pgbench -i failed"; }

    if [ "$use_cache" = 1 ]; then
        oz_say "keeping the loaded cluster for the next runs ($cache_dir/$cache_key)"
        oz_pg_stop "$pg_base"
        rm -rf "${cache_dir:?}"/*
        mkdir -p "$cache_dir/$cache_key"
        cp -a "$(oz_pg_data "$pg_base")" "$cache_dir/$cache_key/data"
        cp "$out/load.tsv" "$cache_dir/$cache_key/load.tsv"
        date -u '+%Y-%m-%d %H:%M UTC' >"$cache_dir/$cache_key/ready"
        oz_pg_start "$pg_base"
        renice_tree "$(head -n 1 "$(oz_pg_data "$pg_base")/postmaster.pid")"
    fi
fi

secret="$(openssl rand -hex 16)"
CLIENT_ID="$client_id" SECRET="$secret" "$OZ_REPO/sql/client-secret" --db "$db"
oz_seed_superuser "$db" "$client_id" "bench/run.sh superuser" || oz_die "seeding the benchmark client failed"

psql -X -At -d "$db" -c "SELECT uuid FROM autorisaties.applicatie WHERE NOT heeft_alle_autorisaties ORDER BY id" >"$out/uuids.txt"
psql -X -At -d "$db" -c "SELECT uuid FROM catalogi.zaaktype WHERE NOT concept ORDER BY id" >"$out/zaaktype-uuids.txt"
psql -X -At -F $'\t' -d "$db" >"$out/dataset.tsv" <<'SQL'
SELECT 'applicaties', count(*) FROM autorisaties.applicatie
UNION ALL SELECT 'client ids', count(*) FROM autorisaties.client_id
UNION ALL SELECT 'autorisaties', count(*) FROM autorisaties.autorisatie
UNION ALL SELECT 'zaaktypen (published)', count(*) FROM catalogi.zaaktype WHERE NOT concept
UNION ALL SELECT 'statustypen', count(*) FROM catalogi.statustype
UNION ALL SELECT 'roltypen', count(*) FROM catalogi.roltype
UNION ALL SELECT 'resultaattypen', count(*) FROM catalogi.resultaattype
UNION ALL SELECT 'besluittypen', count(*) FROM catalogi.besluittype
UNION ALL SELECT 'informatieobjecttypen', count(*) FROM catalogi.informatieobjecttype
UNION ALL SELECT 'zaaktype-informatieobjecttypen', count(*) FROM catalogi.zaaktypeinformatieobjecttype
UNION ALL SELECT 'zaken', count(*) FROM zaken.zaak
UNION ALL SELECT 'zaken with a zaakgeometrie', count(zaakgeometrie) FROM zaken.zaak
UNION ALL SELECT 'statussen', count(*) FROM zaken.status
UNION ALL SELECT 'rollen', count(*) FROM zaken.rol
UNION ALL SELECT 'resultaten', count(*) FROM zaken.resultaat
UNION ALL SELECT 'database size (MB)', pg_database_size(current_database()) / 1048576;
SQL
sed 's/^/load time: /' "$out/load.tsv" >>"$out/dataset.tsv"
[ "$(wc -l <"$out/uuids.txt")" -eq "$napplicaties" ] || oz_die "expected $napplicaties uuids, got $(wc -l <"$out/uuids.txt")"
[ "$(wc -l <"$out/zaaktype-uuids.txt")" -eq "$nzaaktypen" ] \
    || oz_die "expected $nzaaktypen zaaktypen, got $(wc -l <"$out/zaaktype-uuids.txt")"
[ "$(awk -F'\t' '$1 == "zaken" { print $2 }' "$out/dataset.tsv")" -eq "$nzaken" ] \
    || oz_die "expected $nzaken zaken, got $(awk -F'\t' '$1 == "zaken" { print $2 }' "$out/dataset.tsv")"
awk -F'\t' '{ printf "  %s: %s\n", $1, $2 }' "$out/dataset.tsv"

# ------------------------------------------------------------ nginx

oz_say "nginx: $prefix on 127.0.0.1:$port, worker_processes $workers, pool $pool per worker"
oz_nginx_stop "$prefix"
rm -rf "$prefix"
mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/tmp" "$prefix/html/static" "$prefix/modules"
chmod 755 "$prefix" "$prefix/conf" "$prefix/logs" "$prefix/tmp" "$prefix/html" "$prefix/html/static" "$prefix/modules"
# A private copy of the module: a `make build` during the run replaces
# build/*.so, and perf cannot resolve the symbols of a deleted file.
install -m 644 "$OZ_MODULE" "$prefix/modules/ngx_http_openzaak_module.so"
sed -e "s|@MODULE@|$prefix/modules/ngx_http_openzaak_module.so|g" \
    -e "s|@PORT@|$port|g" \
    -e "s|@DB@|$db|g" \
    -e "s|@BASE_URL@|http://127.0.0.1:$port|g" \
    -e "s|@WORKERS@|$workers|g" \
    -e "s|@POOL@|$pool|g" \
    -e "s|@BODY_MAX@|${body_mb}m|g" \
    "$bench_dir/nginx.conf.in" >"$prefix/conf/nginx.conf"
"$OZ_NGINX" -p "$prefix/" -c conf/nginx.conf -t >"$out/nginx-t.log" 2>&1 \
    || { cat "$out/nginx-t.log" >&2; oz_die "nginx -t failed"; }
oz_nginx_start "$prefix"
oz_wait_http "http://127.0.0.1:$port/autorisaties/api/v1/applicaties"
master="$(oz_nginx_pid "$prefix")"
renice_tree "$master"
worker_pids() { pgrep -P "$master" | sort -n; }

token="$(SECRET="$secret" "$OZ_REPO/.ci/jwt" "$client_id")"
api="http://127.0.0.1:$port/autorisaties/api/v1/applicaties"

# ------------------------------------------------------------ responses

oz_say "checking the responses and writing the static files"
fetch() {
    # fetch URL FILE: body to FILE, prints the status
    curl -sS -o "$2" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Accept: application/json' "$1"
}
# The detail bodies differ per applicatie (1-3 client ids, 1-4 autorisaties):
# the static file gets the body of the applicatie closest to the average
# size of the first 200.
head -n 200 "$out/uuids.txt" | while read -r u; do
    printf '%s %s\n' "$u" "$(fetch "$api/$u" /dev/null)"
done >"$out/detail-status.txt"
if awk '$2 != 200 { bad++ } END { exit !bad }' "$out/detail-status.txt"; then
    u="$(awk '$2 != 200 { print $1; exit }' "$out/detail-status.txt")"
    fetch "$api/$u" "$out/detail.json" >/dev/null || true
    cat "$out/detail.json" >&2; echo >&2
    oz_die "GET $api/$u did not answer 200 ($(awk '$2 != 200' "$out/detail-status.txt" | wc -l) of 200 failed)"
fi
head -n 200 "$out/uuids.txt" | while read -r u; do
    printf '%s %s\n' "$u" "$(curl -sS -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $token" "$api/$u")"
done >"$out/detail-sizes.txt"
read -r detail_avg detail_min detail_max <<<"$(awk '{ s += $2; if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 }
    END { printf "%d %d %d", s / NR, min, max }' "$out/detail-sizes.txt")"
detail_uuid="$(awk -v avg="$detail_avg" '{ d = $2 - avg; if (d < 0) d = -d; if (best == "" || d < best) { best = d; u = $1 } } END { print u }' \
    "$out/detail-sizes.txt")"
status="$(fetch "$api/$detail_uuid" "$out/detail.json")"
[ "$status" = 200 ] || oz_die "GET $api/$detail_uuid answered $status"
status="$(fetch "$api" "$out/list.json")"
[ "$status" = 200 ] || { head -c 2000 "$out/list.json" >&2; echo >&2; oz_die "GET $api answered $status"; }
cp "$out/detail.json" "$prefix/html/static/detail.json"
cp "$out/list.json" "$prefix/html/static/list.json"
chmod 644 "$prefix/html/static/"*.json
for f in detail list; do
    status="$(fetch "http://127.0.0.1:$port/static/$f.json" "$out/static-$f.check")"
    [ "$status" = 200 ] && cmp -s "$out/static-$f.check" "$out/$f.json" \
        || oz_die "GET /static/$f.json answered $status or not the same bytes"
    rm -f "$out/static-$f.check"
done
detail_size="$(wc -c <"$out/detail.json")"
list_size="$(wc -c <"$out/list.json")"
list_count="$(perl -MJSON::PP -0777 -ne '$j = decode_json($_); printf "%d of %d", scalar @{$j->{results}}, $j->{count}' "$out/list.json")"
{
    printf 'detail body bytes (avg/min/max of 200)\t%s / %s / %s\n' "$detail_avg" "$detail_min" "$detail_max"
    printf 'detail body bytes of the static file\t%s\n' "$detail_size"
    printf 'list page 1 body bytes\t%s\n' "$list_size"
    printf 'list page 1 results\t%s\n' "$list_count"
} >"$out/sizes.tsv"

# The zaaktypen: every detail answers 200 with the relations the loader
# made, 10 statustypen, 5 roltypen, 3 resultaattypen, 3 besluittypen and 3
# informatieobjecttypen, each a URL of this API; the related objects of the
# first zaaktype answer 200; list page 1 holds the first 100 zaaktypen.
zt_api="http://127.0.0.1:$port/catalogi/api/v1/zaaktypen"
rm -rf "$out/zaaktypen"
mkdir -p "$out/zaaktypen"
while read -r u; do
    printf '%s %s\n' "$u" "$(fetch "$zt_api/$u" "$out/zaaktypen/$u.json")"
done <"$out/zaaktype-uuids.txt" >"$out/zaaktype-status.txt"
if awk '$2 != 200 { bad++ } END { exit !bad }' "$out/zaaktype-status.txt"; then
    u="$(awk '$2 != 200 { print $1; exit }' "$out/zaaktype-status.txt")"
    head -c 2000 "$out/zaaktypen/$u.json" >&2; echo >&2
    oz_die "GET $zt_api/$u did not answer 200 ($(awk '$2 != 200' "$out/zaaktype-status.txt" | wc -l) of $nzaaktypen failed)"
fi
read -r zt_avg zt_min zt_max zt_uuid < <(perl -MJSON::PP -e '
    my %want = (statustypen => 10, roltypen => 5, resultaattypen => 3,
                besluittypen => 3, informatieobjecttypen => 3);
    my ($n, $sum, $min, $max, @bad, @sizes) = (0, 0);
    for my $f (@ARGV) {
        open my $fh, "<", $f or die "$f: $!\n";
        my $body = do { local $/; <$fh> };
        my $j = eval { decode_json($body) } or do { push @bad, "$f: not JSON"; next };
        for my $k (sort keys %want) {
            my @a = ref $j->{$k} eq "ARRAY" ? @{ $j->{$k} } : ();
            push @bad, "$f: $k has " . scalar(@a) . " items, not $want{$k}" if @a != $want{$k};
            push @bad, "$f: $k has an item that is not a URL of /catalogi/api/v1/$k/"
                if grep { !m{^https?://[^/]+/catalogi/api/v1/$k/[0-9a-f-]{36}$} } @a;
        }
        my $len = length $body;
        push @sizes, [$len, $f];
        $sum += $len; $n++;
        $min = $len if !defined $min || $len < $min;
        $max = $len if !defined $max || $len > $max;
    }
    if (@bad) { print STDERR "$_\n" for @bad[0 .. ($#bad < 9 ? $#bad : 9)]; exit 1 }
    my $avg = int($sum / $n);
    # the body closest to the average size
    my ($best) = sort { abs($a->[0] - $avg) <=> abs($b->[0] - $avg) } @sizes;
    (my $u = $best->[1]) =~ s{.*/|\.json$}{}g;
    print "$avg $min $max $u\n";
' "$out"/zaaktypen/*.json) || oz_die "the zaaktype details do not hold the relations bench/load-catalogi.sql made (see above)"
[ -n "$zt_uuid" ] || oz_die "checking the zaaktype details failed"
cp "$out/zaaktypen/$zt_uuid.json" "$out/zaaktype.json"
first_zt="$(head -n 1 "$out/zaaktype-uuids.txt")"
perl -MJSON::PP -0777 -ne '$j = decode_json($_);
    print "$_\n" for $j->{catalogus}, map { @{ $j->{$_} } } qw(statustypen roltypen resultaattypen besluittypen informatieobjecttypen)' \
    "$out/zaaktypen/$first_zt.json" | while read -r url; do
        printf '%s %s\n' "$url" "$(fetch "$url" /dev/null)"
    done >"$out/zaaktype-related-status.txt"
if awk '$2 != 200 { bad++ } END { exit !bad }' "$out/zaaktype-related-status.txt"; then
    awk '$2 != 200' "$out/zaaktype-related-status.txt" >&2
    oz_die "objects related to zaaktype $first_zt did not answer 200"
fi
rm -rf "$out/zaaktypen"
status="$(fetch "$zt_api" "$out/zaaktype-list.json")"
[ "$status" = 200 ] || { head -c 2000 "$out/zaaktype-list.json" >&2; echo >&2; oz_die "GET $zt_api answered $status"; }
zt_list_size="$(wc -c <"$out/zaaktype-list.json")"
zt_list_count="$(perl -MJSON::PP -0777 -ne '$j = decode_json($_); printf "%d of %d", scalar @{$j->{results}}, $j->{count}' "$out/zaaktype-list.json")"
zt_page=$(( nzaaktypen < 100 ? nzaaktypen : 100 ))
[ "$zt_list_count" = "$zt_page of $nzaaktypen" ] \
    || oz_die "GET $zt_api: $zt_list_count results, expected $zt_page of $nzaaktypen"
{
    printf 'zaaktype detail body bytes (avg/min/max of %s)\t%s / %s / %s\n' "$nzaaktypen" "$zt_avg" "$zt_min" "$zt_max"
    printf 'zaaktype list page 1 body bytes\t%s\n' "$zt_list_size"
    printf 'zaaktype list page 1 results\t%s\n' "$zt_list_count"
} >>"$out/sizes.tsv"
sed 's/\t/: /; s/^/  /' "$out/sizes.tsv"

# ------------------------------------------------------------ zaken
#
# The zaken scenarios need endpoints of the Zaken API; one that this build
# does not have (yet) is skipped with the reason in out/skipped.tsv and the
# summary, and the rest of the benchmark runs. Every /zaken request carries
# Accept-Crs, every write Content-Crs (EPSG:4326).
skipped_file="$out/skipped.tsv"
printf 'scenario\treason\n' >"$skipped_file"
zaken_ok=()   # the zaken scenarios whose endpoint answered as expected
zaken_can() { case " ${zaken_ok[*]-} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
zaken_skip() {
    # zaken_skip WORD REASON
    printf '%s\t%s\n' "$1" "$2" >>"$skipped_file"
    oz_warn "skipping the $1 scenarios: $2"
}
zk_api="http://127.0.0.1:$port/zaken/api/v1"
zk_list_path="/zaken/api/v1/zaken?page=34&pageSize=100"
zk_headers="Accept-Crs: EPSG:4326|Content-Crs: EPSG:4326"
zk_client="bench-zaken5"
token5=""
if [ "$nzaken" -gt 0 ]; then
    oz_say "zaken: the client $zk_client (zrc, zaken.lezen and zaken.aanmaken for 5 zaaktypen, up to zeer_geheim), the requests"
    # the restricted client: its autorisaties name zaaktypen by URL, so it
    # is made for this run's base URL
    psql -X -q -v ON_ERROR_STOP=1 -v client="$zk_client" -v base="http://127.0.0.1:$port" -d "$db" >/dev/null <<'SQL' \
        || oz_die "creating the client $zk_client failed"
DELETE FROM autorisaties.applicatie WHERE :'client' = ANY (client_ids);
WITH a AS (
    INSERT INTO autorisaties.applicatie (uuid, client_ids, label, heeft_alle_autorisaties)
    VALUES (gen_random_uuid(), ARRAY[:'client'], 'bench/run.sh: 5 zaaktypen', false)
    RETURNING uuid)
INSERT INTO autorisaties.autorisatie (applicatie_uuid, position, component, scopes,
    zaaktype, max_vertrouwelijkheidaanduiding)
SELECT a.uuid, z.n - 1, 'zrc', '{zaken.lezen,zaken.aanmaken}',
       :'base' || '/catalogi/api/v1/zaaktypen/' || z.uuid, 'zeer_geheim'
  FROM a, (SELECT uuid, row_number() OVER (ORDER BY id) AS n
             FROM catalogi.zaaktype WHERE NOT concept ORDER BY id LIMIT 5) z;
SQL
    secret5="$(openssl rand -hex 16)"
    CLIENT_ID="$zk_client" SECRET="$secret5" "$OZ_REPO/sql/client-secret" --db "$db"
    token5="$(SECRET="$secret5" "$OZ_REPO/.ci/jwt" "$zk_client")"
    # the zaken of the detail GET: every 50th of the million (20,000),
    # spread over all of the table
    psql -X -At -d "$db" -c "SELECT uuid FROM zaken.zaak WHERE id % 50 = 0 ORDER BY id" >"$out/zaak-uuids.txt"
    # the POST bodies: one per zaaktype, as a client sends them
    psql -X -At -d "$db" -v base="http://127.0.0.1:$port" >"$out/zaak-post-bodies.txt" <<'SQL'
SELECT json_build_object(
    'bronorganisatie', '002220647',
    'omschrijving', 'Benchmark ' || z.omschrijving,
    'zaaktype', :'base' || '/catalogi/api/v1/zaaktypen/' || z.uuid,
    'verantwoordelijkeOrganisatie', '002220647',
    'startdatum', current_date,
    'vertrouwelijkheidaanduiding', 'zaakvertrouwelijk',
    'zaakgeometrie', json_build_object('type', 'Point',
        'coordinates', json_build_array(5.0 + (z.id % 20) / 100.0, 52.0 + (z.id % 15) / 100.0)))
  FROM catalogi.zaaktype z WHERE NOT z.concept ORDER BY z.id;
SQL
    # _zoek: the zaken within a polygon around the centre of Utrecht (about
    # 0.25% of the zaken with a geometry)
    printf '%s' '{"zaakgeometrie": {"within": {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.2, 52.0], [5.2, 52.15], [5.0, 52.15], [5.0, 52.0]]]}}}' \
        >"$out/zaak-zoek-body.json"

    # zfetch METHOD URL FILE TOKEN [BODY_FILE]: prints the status
    zfetch() {
        local args=(-sS -o "$3" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $4"
            -H 'Accept: application/json' -H 'Accept-Crs: EPSG:4326')
        [ -n "${5-}" ] && args+=(-H 'Content-Type: application/json' -H 'Content-Crs: EPSG:4326' --data-binary @"$5")
        curl "${args[@]}" "$2"
    }
    # zcheck WORD WHAT STATUS EXPECTED FILE: the answer, or a skip
    zcheck() {
        if [ "$3" = "$4" ]; then
            zaken_ok+=("$1")
            return 0
        fi
        zaken_skip "$1" "$2 answered $3, not $4 ($(head -c 300 "$5" | tr '\n' ' '))"
        return 1
    }
    if want zakenlist || want zakenstatic || want zakenmemory; then
        st="$(zfetch GET "http://127.0.0.1:$port$zk_list_path" "$out/zaken-list.json" "$token")"
        if zcheck zakenlist "GET $zk_list_path (superuser)" "$st" 200 "$out/zaken-list.json"; then
            zaken_ok+=(zakenstatic)
            zl_count="$(perl -MJSON::PP -0777 -ne '$j = decode_json($_); printf "%d of %d", scalar @{$j->{results}}, $j->{count}' "$out/zaken-list.json")"
            [ "${zl_count%% *}" = 100 ] || oz_die "GET $zk_list_path: $zl_count results, expected 100"
            st="$(zfetch GET "http://127.0.0.1:$port$zk_list_path" "$out/zaken-list-5.json" "$token5")"
            [ "$st" = 200 ] || { head -c 2000 "$out/zaken-list-5.json" >&2; echo >&2; oz_die "GET $zk_list_path as $zk_client answered $st"; }
            zl5_count="$(perl -MJSON::PP -0777 -ne '$j = decode_json($_); printf "%d of %d", scalar @{$j->{results}}, $j->{count}' "$out/zaken-list-5.json")"
            [ "${zl5_count%% *}" = 100 ] || oz_die "GET $zk_list_path as $zk_client: $zl5_count results, expected 100"
            cp "$out/zaken-list.json" "$prefix/html/static/zaken-list.json"
            chmod 644 "$prefix/html/static/zaken-list.json"
            {
                printf 'zaken list page 34 body bytes (superuser / 5 zaaktypen)\t%s / %s\n' \
                    "$(wc -c <"$out/zaken-list.json")" "$(wc -c <"$out/zaken-list-5.json")"
                printf 'zaken list page 34 results (superuser / 5 zaaktypen)\t%s / %s\n' "$zl_count" "$zl5_count"
            } >>"$out/sizes.tsv"
        fi
    fi
    if want zaak || want zakenmemory; then
        u="$(sed -n '100p' "$out/zaak-uuids.txt")"
        st="$(zfetch GET "$zk_api/zaken/$u" "$out/zaak.json" "$token")"
        zcheck zaak "GET /zaken/api/v1/zaken/{uuid}" "$st" 200 "$out/zaak.json" \
            && printf 'zaak detail body bytes\t%s\n' "$(wc -c <"$out/zaak.json")" >>"$out/sizes.tsv"
    fi
    if want zaakzoek; then
        st="$(zfetch POST "$zk_api/zaken/_zoek" "$out/zaak-zoek.json" "$token" "$out/zaak-zoek-body.json")"
        if zcheck zaakzoek "POST /zaken/api/v1/zaken/_zoek" "$st" 200 "$out/zaak-zoek.json"; then
            printf 'zaken _zoek (polygon) body bytes, results\t%s, %s\n' "$(wc -c <"$out/zaak-zoek.json")" \
                "$(perl -MJSON::PP -0777 -ne '$j = decode_json($_); printf "%d of %d", scalar @{$j->{results}}, $j->{count}' "$out/zaak-zoek.json")" \
                >>"$out/sizes.tsv"
        fi
    fi
    if want zaakpost; then
        head -n 1 "$out/zaak-post-bodies.txt" >"$out/zaak-post-body.json"
        st="$(zfetch POST "$zk_api/zaken" "$out/zaak-post.json" "$token" "$out/zaak-post-body.json")"
        zcheck zaakpost "POST /zaken/api/v1/zaken" "$st" 201 "$out/zaak-post.json" \
            && printf 'zaak POST answer bytes\t%s\n' "$(wc -c <"$out/zaak-post.json")" >>"$out/sizes.tsv"
    fi
    zaken_can zakenlist && zaken_can zaak && zaken_ok+=(zakenmemory)
    want zakenmemory && ! zaken_can zakenmemory && zaken_skip zakenmemory "needs the zaken list and the zaak detail"
    sed 's/\t/: /; s/^/  /' "$out/sizes.tsv" | grep -i zaak || true
else
    for w in zakenlist zakenstatic zaak zaakzoek zaakpost zakenmemory; do
        want "$w" && zaken_skip "$w" "BENCH_ZAKEN=0: no zaken loaded"
    done
fi

# ------------------------------------------------------------ measuring helpers

results="$out/results.tsv"
printf 'scenario\tconns\tthreads\tduration_s\trequests\trps\tp50_ms\tp90_ms\tp99_ms\tp999_ms\tmax_ms\tnon2xx\tsocket_errors\tbytes_per_resp\n' >"$results"
cpu_file="$out/cpu.tsv"
printf 'scenario\twall_s\tnginx_cores\tpostgres_cores\tclient_cores\tirq_cores\tother_cores\tidle_cores\n' >"$cpu_file"
errors_file="$out/errors.tsv"
printf 'scenario\twarn\terror\tcrit_alert_emerg\n' >"$errors_file"

# CPU ticks of a process: own user+system, plus those of its reaped children
# (a PostgreSQL backend that exits adds its time to the postmaster's).
proc_ticks() {
    local s
    s="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
    s="${s##*) }"
    # shellcheck disable=SC2086
    set -- $s
    echo $((${12} + ${13} + ${14} + ${15}))
}
pg_master() { head -n 1 "$(oz_pg_data "$pg_base")/postmaster.pid"; }
group_ticks() {
    # group_ticks PID: PID and its living children
    local sum p
    sum="$(proc_ticks "$1")"
    for p in $(pgrep -P "$1"); do
        sum=$((sum + $(proc_ticks "$p")))
    done
    echo "$sum"
}
# snapshot: busy and total jiffies of the machine, nginx ticks, postgres
# ticks, irq+softirq jiffies (not charged to any process)
cpu_snapshot() {
    local stat
    read -r -a stat </proc/stat
    echo "$((stat[1] + stat[2] + stat[3] + stat[6] + stat[7] + stat[8])) \
$((stat[1] + stat[2] + stat[3] + stat[4] + stat[5] + stat[6] + stat[7] + stat[8])) \
$(group_ticks "$master") $(group_ticks "$(pg_master)") $((stat[6] + stat[7]))"
}
# cpu_record LABEL BEFORE AFTER CLIENT_SECONDS WALL_SECONDS
cpu_record() {
    awk -v label="$1" -v b="$2" -v a="$3" -v client="$4" -v wall="$5" -v hz="$clk_tck" -v ncpu="$ncpu" '
        BEGIN {
            split(b, x, " "); split(a, y, " ")
            busy = (y[1] - x[1]) / hz; total = (y[2] - x[2]) / hz
            ng = (y[3] - x[3]) / hz; pg = (y[4] - x[4]) / hz; irq = (y[5] - x[5]) / hz
            # /proc/stat counts all CPUs: total/ncpu is the wall time it saw
            w = total / ncpu
            other = busy - ng - pg - client - irq; if (other < 0) other = 0
            printf "%s\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", label, wall,
                ng / w, pg / w, client / w, irq / w, other / w, (total - busy) / w
        }' >>"$cpu_file"
}

err_mark=0
errors_record() {
    # errors_record LABEL: nginx error log lines since the last mark, by level
    local log="$prefix/logs/error.log" n
    n="$(wc -l <"$log")"
    tail -n +"$((err_mark + 1))" "$log" | head -n "$((n - err_mark))" | awk -v label="$1" '
        /\[warn\]/ { w++ } /\[error\]/ { e++ } /\[(crit|alert|emerg)\]/ { c++ }
        END { printf "%s\t%d\t%d\t%d\n", label, w, e, c }' >>"$errors_file"
    err_mark="$n"
}

# children_seconds: user+system seconds of the finished children of this
# shell, from `times` (second line). `times` must run in this shell, not in a
# $(...) subshell, whose children are not ours: it goes through a file.
times_file="$out/.times"
children_seconds() {
    times >"$times_file"
    tail -n 1 "$times_file" | awk '{
        n = 0
        for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] }
        printf "%.2f", n }'
}

# run_wrk LABEL CONNS SECONDS MODE PATH [RESULT]: one wrk run (RESULT empty:
# a warm-up, not recorded). MODE: detail (a random applicatie), zaaktype (a
# random zaaktype), zaak (a random zaak of out/zaak-uuids.txt), fixed (PATH
# on every request) or bodies (a POST to PATH with a random body of
# out/zaak-post-bodies.txt). wrk_env: more VAR=value for bench/wrk.lua
# (another token, the Accept-Crs headers, a method and body), set by the
# caller; later ones win.
wrk_env=()
run_wrk() {
    local label="$1" conns="$2" secs="$3" mode="$4" path="$5" result="${6-}" threads=1 before after
    local c0 c1 t0 t1 uuids="$out/uuids.txt" url_prefix="/autorisaties/api/v1/applicaties/"
    [ "$conns" -ge 2 ] && threads=2
    if [ "$mode" = zaaktype ]; then
        mode=detail uuids="$out/zaaktype-uuids.txt" url_prefix="/catalogi/api/v1/zaaktypen/"
    elif [ "$mode" = zaak ]; then
        mode=detail uuids="$out/zaak-uuids.txt" url_prefix="/zaken/api/v1/zaken/"
    fi
    errors_record "(before $label)"
    before="$(cpu_snapshot)"
    t0="$(date +%s.%N)"
    children_seconds >"$times_file.c0"
    c0="$(cat "$times_file.c0")"
    env BENCH_MODE="$mode" BENCH_PATH="$path" BENCH_TOKEN="$token" BENCH_UUIDS="$uuids" \
        BENCH_PREFIX="$url_prefix" BENCH_PAGES="$(( (napplicaties + 100) / 100 ))" \
        BENCH_LABEL="$label" BENCH_CONNS="$conns" BENCH_THREADS="$threads" BENCH_RESULT="$result" \
        BENCH_BODIES="$out/zaak-post-bodies.txt" "${wrk_env[@]}" \
        nice -n "$nice_level" wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$bench_dir/wrk.lua" \
        "http://127.0.0.1:$port" >"$out/wrk-${label// /_}-c$conns.txt" 2>&1 &
    bg_pid=$!
    wait "$bg_pid" || { cat "$out/wrk-${label// /_}-c$conns.txt" >&2; oz_die "wrk failed ($label)"; }
    bg_pid=""
    children_seconds >"$times_file.c1"
    c1="$(cat "$times_file.c1")"
    t1="$(date +%s.%N)"
    after="$(cpu_snapshot)"
    if [ -n "$result" ]; then
        grep '^  [a-z].*req/s' "$out/wrk-${label// /_}-c$conns.txt" || true
        cpu_record "$label c$conns" "$before" "$after" "$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')" \
            "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
        errors_record "$label"
    else
        errors_record "(warm-up $label)"
    fi
}

# wait_quiet: the machine is shared (other sessions' builds and tests, a
# developer's `make run`): wait until it is idle apart from us, at most
# quiet_max seconds. Called between runs, while our own servers idle.
quiet_file="$out/quiet.tsv"
printf 'before\twaited_s\tbusy_cores\n' >"$quiet_file"
wait_quiet() {
    local waited=0 busy a b
    while :; do
        read -r -a a </proc/stat
        sleep 1
        read -r -a b </proc/stat
        busy="$(awk -v b1="$((a[1] + a[2] + a[3] + a[6] + a[7] + a[8]))" -v b2="$((b[1] + b[2] + b[3] + b[6] + b[7] + b[8]))" \
            -v hz="$clk_tck" 'BEGIN { printf "%.2f", (b2 - b1) / hz }')"
        if awk -v x="$busy" 'BEGIN { exit !(x <= 0.2) }'; then
            break
        fi
        if [ "$waited" -ge "$quiet_max" ]; then
            oz_warn "other processes still keep $busy cores busy after ${waited} s; measuring anyway (see the 'other' column)"
            break
        fi
        if [ "$waited" = 0 ]; then
            oz_say "waiting for other processes to finish ($busy cores busy; at most $quiet_max s)"
        fi
        sleep 4
        waited=$((waited + 5))
    done
    printf '%s\t%s\t%s\n' "$1" "$waited" "$busy" >>"$quiet_file"
}

# scenario LABEL CONNS MODE PATH: warm-up, then the measured run
scenario() {
    wait_quiet "$1 c$2"
    if [ "$warmup" -gt 0 ]; then
        run_wrk "warmup $1" "$2" "$warmup" "$3" "$4" ""
    fi
    run_wrk "$1" "$2" "$duration" "$3" "$4" "$results"
}

# run_pgbench MODE CLIENTS [VARIANT]: pgbench -S, with VARIANT tpcb
# pgbench's own TPC-B-like script (the write ceiling of the zaak POST), with
# another VARIANT the script bench/sql-variants/VARIANT.sql against the
# openzaak database
run_pgbench() {
    local mode="$1" clients="$2" variant="${3-}" threads=1 label before after c0 c1 t0 t1 log tps lat n failed
    local script=(-S) target=(-U postgres pgbench)
    [ "$clients" -ge 2 ] && threads=2
    label="pgbench -S -M $mode"
    log="$out/pgbench-$mode-c$clients.txt"
    if [ "$variant" = tpcb ]; then
        label="pgbench TPC-B -M $mode"
        log="$out/pgbench-tpcb-$mode-c$clients.txt"
        script=()
    elif [ -n "$variant" ]; then
        label="SQL $variant (pgbench -M $mode)"
        log="$out/pgbench-sql-$variant-c$clients.txt"
        script=(-f "$bench_dir/sql-variants/$variant.sql")
        target=(-U openzaak openzaak)
    fi
    before="$(cpu_snapshot)"
    t0="$(date +%s.%N)"
    children_seconds >"$times_file.c0"
    c0="$(cat "$times_file.c0")"
    nice -n "$nice_level" pgbench -n "${script[@]}" -M "$mode" -c "$clients" -j "$threads" -T "$duration" \
        -h "$sock" -p "$pg_port" "${target[@]}" >"$log" 2>&1 &
    bg_pid=$!
    wait "$bg_pid" || { cat "$log" >&2; oz_die "pgbench failed ($label, $clients clients)"; }
    bg_pid=""
    children_seconds >"$times_file.c1"
    c1="$(cat "$times_file.c1")"
    t1="$(date +%s.%N)"
    after="$(cpu_snapshot)"
    tps="$(awk '/^tps = / { printf "%.0f", $3 }' "$log")"
    lat="$(awk '/^latency average = / { print $4 }' "$log")"
    n="$(awk -F': ' '/^number of transactions actually processed/ { print $2 }' "$log")"
    failed="$(awk -F': ' '/^number of failed transactions/ { split($2, a, " "); print a[1] }' "$log")"
    [ -n "$tps" ] || { cat "$log" >&2; oz_die "no tps in the pgbench output ($log)"; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t-\t-\t-\t-\t%s\t0\t-\n' "$label" "$clients" "$threads" "$duration" \
        "$n" "$tps" "${lat:--}" "${failed:-0}" >>"$results"
    printf '  %s, %s clients: %s tps, latency average %s ms\n' "$label" "$clients" "$tps" "$lat"
    cpu_record "$label c$clients" "$before" "$after" "$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
}

mem_file="$out/memory.tsv"
printf 'elapsed_s\tphase\tpid\trss_kb\tpss_kb\tprivate_kb\n' >"$mem_file"
mem_sample() {
    # mem_sample ELAPSED PHASE: one line per worker
    local pid rss pss priv
    for pid in $(worker_pids); do
        rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)"
        read -r pss priv < <(awk '/^Pss:/ { p = $2 } /^Private_(Clean|Dirty):/ { v += $2 } END { print p + 0, v + 0 }' \
            "/proc/$pid/smaps_rollup" 2>/dev/null || echo "0 0")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$pid" "$rss" "$pss" "$priv" >>"$mem_file"
    done
}

# ------------------------------------------------------------ scenarios

mem_sample 0 idle-after-start
est=$(( (6 * $(wc -w <<<"$conns_list")) * (duration + warmup) + 2 * ($(wc -w <<<"$conns_list") + 1) * duration + 4 * duration \
    + mem_duration + (profile == 1 ? profile_duration + warmup : 0) ))
if [ "$nzaken" -gt 0 ]; then
    # 6 wrk scenarios, pgbench -S (2 modes) and TPC-B per connection count, the zaken memory run
    est=$(( est + $(wc -w <<<"$zaken_conns") * (6 * (duration + warmup) + 3 * duration) + mem_duration ))
fi
oz_say "measuring: $duration s per run after a $warmup s warm-up; about $((est / 60 + 1)) minutes"

for c in $conns_list; do
    want detail || break
    oz_say "detail GET, random uuid of $napplicaties, $c connection(s)"
    scenario "detail GET" "$c" detail ""
done
for c in $conns_list; do
    want static || break
    oz_say "static file of the detail size ($detail_size bytes), $c connection(s)"
    scenario "static detail-size" "$c" fixed /static/detail.json
done
for c in $conns_list; do
    want list || break
    oz_say "list GET page 1 ($list_count, $list_size bytes), $c connection(s)"
    scenario "list GET page 1" "$c" fixed /autorisaties/api/v1/applicaties
done
for c in $conns_list; do
    want static || break
    oz_say "static file of the list size ($list_size bytes), $c connection(s)"
    scenario "static list-size" "$c" fixed /static/list.json
done
for c in $conns_list; do
    want zaaktype || break
    oz_say "zaaktype detail GET, random uuid of $nzaaktypen, $c connection(s)"
    scenario "zaaktype detail GET" "$c" zaaktype ""
done
for c in $conns_list; do
    want zaaktypelist || break
    oz_say "zaaktype list page 1 ($zt_list_count, $zt_list_size bytes), $c connection(s)"
    scenario "zaaktype list page 1" "$c" fixed /catalogi/api/v1/zaaktypen
done

# The zaken at a million: every scenario whose endpoint answered above,
# at BENCH_ZAKEN_CONNS connections; the others were skipped with a reason.
zaken_run() {
    # zaken_run WORD: the scenarios of WORD may run
    want "$1" || return 1
    zaken_can "$1" && return 0
    oz_say "$1: skipped (see out/skipped.tsv: $(awk -F'\t' -v w="$1" '$1 == w { print $2; exit }' "$skipped_file" | cut -c1-120))"
    return 1
}
if zaken_run zakenlist; then
    for c in $zaken_conns; do
        oz_say "zaken list page 34 of $nzaken as the superuser, $c connection(s)"
        wrk_env=(BENCH_HEADERS="$zk_headers")
        scenario "zaken list page 34 (superuser)" "$c" fixed "$zk_list_path"
        oz_say "zaken list page 34 as a client with 5 of the zaaktypen, $c connection(s)"
        wrk_env=(BENCH_HEADERS="$zk_headers" BENCH_TOKEN="$token5")
        scenario "zaken list page 34 (5 zaaktypen)" "$c" fixed "$zk_list_path"
    done
    wrk_env=()
fi
if zaken_run zakenstatic; then
    for c in $zaken_conns; do
        oz_say "static file of the zaken list size ($(wc -c <"$out/zaken-list.json") bytes), $c connection(s)"
        scenario "static zaken-list-size" "$c" fixed /static/zaken-list.json
    done
fi
if zaken_run zaak; then
    for c in $zaken_conns; do
        oz_say "zaak detail GET, a random one of $(wc -l <"$out/zaak-uuids.txt") zaken spread over the $nzaken, $c connection(s)"
        wrk_env=(BENCH_HEADERS="$zk_headers")
        scenario "zaak detail GET" "$c" zaak ""
    done
    wrk_env=()
fi
if zaken_run zaakzoek; then
    for c in $zaken_conns; do
        oz_say "zaken _zoek, zaakgeometrie within a polygon, $c connection(s)"
        wrk_env=(BENCH_HEADERS="$zk_headers" BENCH_METHOD=POST BENCH_BODY="$out/zaak-zoek-body.json")
        scenario "zaken _zoek (polygon)" "$c" fixed /zaken/api/v1/zaken/_zoek
    done
    wrk_env=()
fi
# last of the HTTP scenarios: it adds zaken (to this run's copy of the cluster)
if zaken_run zaakpost; then
    for c in $zaken_conns; do
        oz_say "zaak POST (a random one of the zaaktypen; the zaak, its audit and outbox rows), $c connection(s)"
        wrk_env=(BENCH_HEADERS="$zk_headers")
        scenario "zaak POST" "$c" bodies /zaken/api/v1/zaken
    done
    wrk_env=()
fi

pg_clients="$conns_list $((pool * $(if [ "$workers" = auto ]; then echo "$ncpu"; else echo "$workers"; fi)))"
# the ceilings of the zaken targets: pgbench -S at their connection counts too
[ "$nzaken" -gt 0 ] && pg_clients="$pg_clients $zaken_conns"
pg_clients="$(tr ' ' '\n' <<<"$pg_clients" | sort -n -u | tr '\n' ' ')"
if want pgbench; then
    oz_say "pgbench -S (scale $scale, unix socket), clients: $pg_clients"
    pgbench -n -S -M prepared -c 2 -j 2 -T "$(( warmup > 0 ? warmup : 1 ))" -h "$sock" -p "$pg_port" -U postgres pgbench >/dev/null 2>&1 \
        || oz_die "pgbench warm-up failed"
    for mode in simple prepared; do
        for c in $pg_clients; do
            wait_quiet "pgbench -S -M $mode c$c"
            run_pgbench "$mode" "$c"
        done
    done
fi

if want tpcb; then
    oz_say "pgbench TPC-B-like (scale $scale, -M prepared), clients: $zaken_conns"
    for c in $zaken_conns; do
        wait_quiet "pgbench TPC-B c$c"
        run_pgbench prepared "$c" tpcb
    done
fi

if want sqlvariants; then
    c="$(( pool * $(if [ "$workers" = auto ]; then echo "$ncpu"; else echo "$workers"; fi) ))"
    oz_say "the detail GET's SQL and cheaper variants (bench/sql-variants), pgbench -M prepared, $c clients"
    for v in module rows join flat raw lookup; do
        wait_quiet "SQL $v"
        run_pgbench prepared "$c" "$v"
    done
fi

# What one request body costs a worker: its peak memory (VmHWM, reset
# before each body through /proc/PID/clear_refs) and what it keeps
# afterwards (VmRSS a second later), for the largest bodies the limits
# accept and for one they refuse.  One request at a time, so the delta is
# that request's; the time is the whole request, upload included.
if want bodies; then
    wait_quiet "bodies"
    oz_say "bodies: what the largest accepted bodies cost a worker (up to $body_mb MB)"
    bodies_file="$out/bodies.tsv"
    printf 'body\tbytes\tstatus\tseconds\tpeak_growth_kb\tretained_kb\n' >"$bodies_file"
    bdir="$out/bodies"
    mkdir -p "$bdir"
    big=$(( body_mb * 1024 * 1024 - 4096 ))
    # a concept zaaktype whose toelichting (a text without maximum) is
    # patched with the largest string: stored, and rendered back whole
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL' || oz_die "bodies: inserting the zaaktype failed"
INSERT INTO catalogi.catalogus (uuid, domein, rsin, contactpersoon_beheer_naam)
VALUES ('c0000000-0000-4000-8000-0000000000be', 'BENCH', '002220647', 'Bench');
INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie, omschrijving,
    vertrouwelijkheidaanduiding, doel, aanleiding, indicatie_intern_of_extern,
    handeling_initiator, onderwerp, handeling_behandelaar, doorlooptijd,
    opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,
    publicatie_indicatie, referentieproces, verantwoordelijke,
    begin_geldigheid, versiedatum, concept)
VALUES ('a0000000-0000-4000-8000-0000000000be',
    'c0000000-0000-4000-8000-0000000000be', 'BENCH-1', 'Bench', 'openbaar',
    'Doel', 'Aanleiding', 'extern', 'melden', 'Onderwerp', 'behandelen',
    'P30D', false, false, false, '{"naam": "Referentieproces", "link": ""}',
    'Team', '2020-01-01', '2020-01-01', true);
SQL
    perl -e '
        my ($dir, $big) = @ARGV;
        sub put { open my $f, ">", "$dir/$_[0]" or die; print {$f} $_[1]; }
        put("autorisaties-1000", q({"clientIds": ["bench-1000"], "label": "1000 autorisaties", "autorisaties": [)
            . join(",", map { sprintf q({"component": "zrc", "scopes": ["zaken.lezen", "zaken.bijwerken"], "zaaktype": "http://127.0.0.1/catalogi/api/v1/zaaktypen/a0000000-0000-4000-8000-%012d", "maxVertrouwelijkheidaanduiding": "openbaar"}), $_ } 1 .. 1000)
            . "]}");
        put("objects-9990", q({"clientIds": ["bench-objects"], "label": "x", "heeftAlleAutorisaties": true, "y": {)
            . join(",", map { qq("k$_": {}) } 1 .. 9990) . "}}");
        put("unknown-string", q({"clientIds": ["bench-string"], "label": "x", "heeftAlleAutorisaties": true, "y": ")
            . ("A" x $big) . q("}));
        put("toelichting", q({"toelichting": ") . ("A" x $big) . q("}));
        put("array-refused", q({"clientIds": ["bench-refused"], "label": "x", "heeftAlleAutorisaties": true, "y": [)
            . ("0," x ($big / 2 - 64)) . q(0]}));
    ' "$bdir" "$big"
    zt="http://127.0.0.1:$port/catalogi/api/v1/zaaktypen/a0000000-0000-4000-8000-0000000000be"
    for b in autorisaties-1000:POST:$api objects-9990:POST:$api unknown-string:POST:$api \
             toelichting:PATCH:$zt array-refused:POST:$api; do
        name="${b%%:*}"; rest="${b#*:}"; method="${rest%%:*}"; url="${rest#*:}"
        sleep 1
        declare -A rss0=()
        before=0
        for pid in $(worker_pids); do
            # resets VmHWM to the current VmRSS
            echo 5 >"/proc/$pid/clear_refs" 2>/dev/null \
                || oz_die "bodies: cannot reset the peak of worker $pid (root needed)"
            rss0[$pid]="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
            before=$(( before + rss0[$pid] ))
        done
        res="$(curl -sS -o "$bdir/$name.answer" -w '%{http_code} %{time_total}' -X "$method" \
            -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            --data-binary @"$bdir/$name" "$url")"
        peak=0
        for pid in $(worker_pids); do
            h="$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")"
            [ "$(( h - rss0[$pid] ))" -gt "$peak" ] && peak=$(( h - rss0[$pid] ))
        done
        sleep 1
        after=0
        for pid in $(worker_pids); do
            after=$(( after + $(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status") ))
        done
        unset rss0
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(wc -c <"$bdir/$name")" ${res} \
            "$peak" "$(( after - before ))" >>"$bodies_file"
        printf '  %-18s %10s bytes: %s in %s s, peak +%s kB, kept %s kB\n' "$name" \
            "$(wc -c <"$bdir/$name")" ${res} "$peak" "$(( after - before ))"
    done
    rm -f "$bdir"/*
fi

want memory && {
wait_quiet "memory run"
oz_say "memory: ${mem_duration} s at 64 connections (detail GETs, 1 in $mem_list_every a random list page), a sample every ${mem_interval} s"
mem_sample 0 before-memory-run
BENCH_MODE=mixed BENCH_LIST_EVERY="$mem_list_every" BENCH_PATH=/autorisaties/api/v1/applicaties BENCH_TOKEN="$token" BENCH_UUIDS="$out/uuids.txt" \
    BENCH_PREFIX="/autorisaties/api/v1/applicaties/" BENCH_PAGES="$(( (napplicaties + 100) / 100 ))" \
    BENCH_LABEL="memory run (mixed)" BENCH_CONNS=64 BENCH_THREADS=2 BENCH_RESULT="$results" \
    nice -n "$nice_level" wrk -t2 -c64 -d"${mem_duration}s" --timeout 10s --latency -s "$bench_dir/wrk.lua" \
    "http://127.0.0.1:$port" >"$out/wrk-memory_run.txt" 2>&1 &
mem_wrk=$!
bg_pid=$mem_wrk
errors_record "(before memory run)"
mem_t0="$(date +%s)"
while kill -0 "$mem_wrk" 2>/dev/null; do
    mem_sample "$(( $(date +%s) - mem_t0 ))" memory-run
    sleep "$mem_interval"
done
wait "$mem_wrk" || { cat "$out/wrk-memory_run.txt" >&2; oz_die "wrk failed (memory run)"; }
bg_pid=""
errors_record "memory run (mixed)"
sleep 1
mem_sample "$(( $(date +%s) - mem_t0 ))" after-memory-run
grep 'req/s' "$out/wrk-memory_run.txt" | grep '^  [a-z]' || true
}

# The same for the zaken: zaak detail GETs with 1 request in 10 a random
# list page of 100 zaken (pages 1..100), at the largest of BENCH_ZAKEN_CONNS.
if zaken_run zakenmemory; then
    wait_quiet "zaken memory run"
    zc="$(tr ' ' '\n' <<<"$zaken_conns" | sort -n | tail -n 1)"
    oz_say "zaken memory: ${mem_duration} s at $zc connections (zaak GETs, 1 in 10 a random list page), a sample every ${mem_interval} s"
    mem_sample 0 before-zaken-memory-run
    env BENCH_MODE=mixed BENCH_LIST_EVERY=10 BENCH_PATH=/zaken/api/v1/zaken BENCH_TOKEN="$token" \
        BENCH_HEADERS="$zk_headers" BENCH_UUIDS="$out/zaak-uuids.txt" BENCH_PREFIX="/zaken/api/v1/zaken/" \
        BENCH_PAGES=100 BENCH_LABEL="zaken memory run (mixed)" BENCH_CONNS="$zc" BENCH_THREADS=2 \
        BENCH_RESULT="$results" \
        nice -n "$nice_level" wrk -t2 -c"$zc" -d"${mem_duration}s" --timeout 10s --latency -s "$bench_dir/wrk.lua" \
        "http://127.0.0.1:$port" >"$out/wrk-zaken_memory_run.txt" 2>&1 &
    mem_wrk=$!
    bg_pid=$mem_wrk
    errors_record "(before zaken memory run)"
    mem_t0="$(date +%s)"
    while kill -0 "$mem_wrk" 2>/dev/null; do
        mem_sample "$(( $(date +%s) - mem_t0 ))" zaken-memory-run
        sleep "$mem_interval"
    done
    wait "$mem_wrk" || { cat "$out/wrk-zaken_memory_run.txt" >&2; oz_die "wrk failed (zaken memory run)"; }
    bg_pid=""
    errors_record "zaken memory run (mixed)"
    sleep 1
    mem_sample "$(( $(date +%s) - mem_t0 ))" after-zaken-memory-run
    grep 'req/s' "$out/wrk-zaken_memory_run.txt" | grep '^  [a-z]' || true
fi

if [ "$profile" = 1 ]; then
    wait_quiet "profile"
    oz_say "perf record -g of nginx, PostgreSQL and wrk during $profile_duration s of detail GET at 64 connections"
    run_wrk "warmup profile" 64 "$warmup" detail "" ""
    BENCH_MODE=detail BENCH_TOKEN="$token" BENCH_UUIDS="$out/uuids.txt" \
        BENCH_PREFIX="/autorisaties/api/v1/applicaties/" BENCH_LABEL="detail GET under perf" \
        BENCH_CONNS=64 BENCH_THREADS=2 BENCH_RESULT="" \
        nice -n "$nice_level" wrk -t2 -c64 -d"$((profile_duration + 2))s" --timeout 10s -s "$bench_dir/wrk.lua" \
        "http://127.0.0.1:$port" >"$out/wrk-profile.txt" 2>&1 &
    prof_wrk=$!
    bg_pid=$prof_wrk
    sleep 1
    # only our processes (the machine may run others): the nginx workers,
    # the PostgreSQL backends of the pool (connected during the warm-up) and wrk
    prof_pids="$(
        { worker_pids; pgrep -P "$(pg_master)"; echo "$prof_wrk"; } | sort -n -u | paste -sd, -)"
    perf record -g -F 1999 -p "$prof_pids" -o "$out/perf.data" -- sleep "$profile_duration" >"$out/perf-record.log" 2>&1 \
        || oz_warn "perf record failed (see $out/perf-record.log)"
    wait "$prof_wrk" || true
    bg_pid=""
    if [ -s "$out/perf.data" ]; then
        perf report -i "$out/perf.data" --no-children --sort comm,dso --stdio -g none 2>/dev/null \
            | grep -v '^#' | grep -v '^$' | head -n 40 >"$out/perf-by-process.txt" || true
        perf report -i "$out/perf.data" --no-children --comm nginx --sort dso,sym --stdio -g none 2>/dev/null \
            | grep -v '^#' | grep -v '^$' | head -n 80 >"$out/perf-nginx.txt" || true
        perf report -i "$out/perf.data" --no-children --comm nginx --sort dso --stdio -g none 2>/dev/null \
            | grep -v '^#' | grep -v '^$' | head -n 30 >"$out/perf-nginx-dso.txt" || true
        perf report -i "$out/perf.data" --no-children --comm postgres --sort dso,sym --stdio -g none 2>/dev/null \
            | grep -v '^#' | grep -v '^$' | head -n 60 >"$out/perf-postgres.txt" || true
        perf report -i "$out/perf.data" --children --comm nginx --sort sym --stdio -g none 2>/dev/null \
            | grep -v '^#' | grep -v '^$' | head -n 80 >"$out/perf-nginx-children.txt" || true
    fi
fi

# ------------------------------------------------------------ collect

cp "$prefix/logs/error.log" "$out/nginx-error.log"
cp "$pg_base/postgresql.log" "$out/postgresql.log" 2>/dev/null || true
cp "$prefix/conf/nginx.conf" "$out/nginx.conf"

oz_nginx_stop "$prefix"
oz_pg_stop "$pg_base"

perl "$bench_dir/summary.pl" "$out" "$pool" "$workers" >"$out/summary.md"
echo
cat "$out/summary.md"
echo
oz_say "done in $(( ($(date +%s) - start_epoch) / 60 )) min $(( ($(date +%s) - start_epoch) % 60 )) s; results in $out (summary.md, results.tsv, cpu.tsv, memory.tsv, errors.tsv)"
exit 0
}
