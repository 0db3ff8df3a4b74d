# shellcheck shell=bash
# Shared helpers for the scripts in .ci/ (sourced, not executed).
#
# Provides: paths (OZ_REPO, OZ_RUN, OZ_MODULE, ...), a throw-away or persistent
# PostgreSQL cluster under .run/ (oz_pg_*), and an nginx instance with its own
# prefix (oz_nginx_*). Every function reports errors on stderr and returns or
# exits non-zero; nothing here needs a terminal.

umask 022

OZ_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
OZ_RUN="$OZ_REPO/.run"
OZ_BUILD="$OZ_REPO/build"
# The module the tests, `make run` and `make conformance` load, and where
# .ci/build puts it. .ci/test-asan runs .ci/test with OZ_MODULE (and
# OZ_NGINX) pointing at the ASan build in build/asan/.
OZ_MODULE="${OZ_MODULE:-$OZ_BUILD/ngx_http_openzaak_module.so}"
OZ_NGINX="${OZ_NGINX:-/usr/sbin/nginx}"
OZ_PG_BIN="${OZ_PG_BIN:-/usr/lib/postgresql/15/bin}"
OZ_PSQL="${OZ_PSQL:-psql}"
OZ_ME="${0##*/}"

oz_die() { printf '%s: error: %s\n' "$OZ_ME" "$*" >&2; exit 1; }
oz_warn() { printf '%s: warning: %s\n' "$OZ_ME" "$*" >&2; }
oz_say() { printf '==> %s\n' "$*"; }

# The paths end up in postgresql.conf, libpq conninfo strings and nginx.conf;
# keep them free of characters that would need quoting in any of those.
case "$OZ_REPO" in
    *[[:space:]\'\"\\\;\$\`\|\&]*)
        oz_die "the repository path '$OZ_REPO' contains whitespace, quotes or one of ; \$ \` | & \\; clone it somewhere else" ;;
esac

oz_is_root() { [ "$(id -u)" = 0 ]; }

# Run a command as the owner of the PostgreSQL cluster: PostgreSQL refuses to
# run as root, so as root we switch to the 'postgres' system user; as any
# other user the cluster simply belongs to that user.
oz_as_pg() {
    if oz_is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

oz_lock() {
    # oz_lock FILE: take an exclusive lock for the rest of this process (fd 9;
    # daemons started while holding it are started with 9>&-)
    mkdir -p "$(dirname "$1")"
    exec 9>"$1"
    if ! flock -n 9; then
        oz_say "waiting for $1 (another run in this checkout holds it)"
        flock 9
    fi
}

# ---------------------------------------------------------------- PostgreSQL

# oz_state_dir NAME: directory for the state of NAME (a PostgreSQL cluster or
# an nginx prefix). Normally .run/NAME. As root, the servers run as other
# users (postgres; nginx workers as nobody) that must reach it: when one of
# them cannot traverse to .run/ (e.g. the checkout is under a mode-700
# directory), or the path is too long for a unix socket path below it, a
# directory under /var/tmp keyed by the repository path is used instead.
oz_state_dir() {
    local name="$1" dir="$OZ_RUN/$1" user
    mkdir -p "$OZ_RUN"
    if [ "${#dir}" -gt 80 ]; then
        dir=""
    elif oz_is_root; then
        for user in postgres nobody; do
            if id "$user" >/dev/null 2>&1 && ! runuser -u "$user" -- test -x "$OZ_RUN" 2>/dev/null; then
                dir=""
            fi
        done
    fi
    if [ -z "$dir" ]; then
        dir="/var/tmp/ngx-openzaak-$(printf '%s' "$OZ_REPO" | sha256sum | cut -c1-12)/$name"
        mkdir -p "${dir%/*}"
        chmod 755 "${dir%/*}"
    fi
    printf '%s\n' "$dir"
}
oz_pg_base() { oz_state_dir "$1"; }

oz_pg_data() { printf '%s/data\n' "$1"; }
oz_pg_sock() { printf '%s/sock\n' "$1"; }

# oz_pg_conninfo BASE PORT DB USER
oz_pg_conninfo() {
    printf 'host=%s port=%s dbname=%s user=%s\n' "$(oz_pg_sock "$1")" "$2" "$3" "$4"
}

oz_pg_running() {
    local data
    data="$(oz_pg_data "$1")"
    [ -f "$data/PG_VERSION" ] && oz_as_pg "$OZ_PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# oz_pg_init BASE PORT [fast]: create the cluster when it does not exist yet.
# Unix socket in BASE/sock only (no TCP), trust authentication for local
# connections (a development/test cluster), superuser 'postgres'.
# 'fast' turns off durability (fsync) for throw-away test clusters.
oz_pg_init() {
    local base="$1" port="$2" mode="${3:-}" data sock
    data="$(oz_pg_data "$base")"
    sock="$(oz_pg_sock "$base")"
    [ -x "$OZ_PG_BIN/initdb" ] || oz_die "$OZ_PG_BIN/initdb not found (Debian: apt-get install postgresql-15; or set OZ_PG_BIN)"
    if [ -f "$data/PG_VERSION" ]; then
        return 0
    fi
    mkdir -p "$base" "$sock"
    chmod 755 "$base" "$sock"
    if oz_is_root; then
        id postgres >/dev/null 2>&1 || oz_die "no 'postgres' system user (Debian: apt-get install postgresql-15)"
        chown postgres:postgres "$base" "$sock"
        runuser -u postgres -- test -w "$sock" \
            || oz_die "the postgres user cannot write $sock (check the permissions of its parent directories)"
    fi
    oz_say "creating PostgreSQL cluster in $data"
    if ! oz_as_pg "$OZ_PG_BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=reject \
            -E UTF8 --locale=C.UTF-8 --no-instructions >"$base/initdb.log" 2>&1; then
        cat "$base/initdb.log" >&2
        oz_die "initdb failed"
    fi
    {
        echo
        echo "# added by ngx_openzaak_module's .ci/lib.sh: unix socket only, no TCP"
        echo "listen_addresses = ''"
        echo "unix_socket_directories = '$sock'"
        echo "port = $port"
        echo "max_connections = 200"
        if [ "$mode" = fast ]; then
            echo "# throw-away test cluster: no durability"
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
            echo "# t/040 holds a lock in a prepared transaction, which outlives"
            echo "# a server stop (a session's lock would not)"
            echo "max_prepared_transactions = 4"
        fi
    } >>"$data/postgresql.conf"
}

oz_pg_start() {
    local base="$1" data
    data="$(oz_pg_data "$base")"
    if oz_pg_running "$base"; then
        return 0
    fi
    # 9>&-: the server must not inherit the lock fd of oz_lock
    if ! oz_as_pg "$OZ_PG_BIN/pg_ctl" -D "$data" -l "$base/postgresql.log" -w -t 60 -s start 9>&-; then
        tail -n 20 "$base/postgresql.log" >&2 || true
        oz_die "PostgreSQL in $data did not start (log: $base/postgresql.log)"
    fi
}

oz_pg_stop() {
    local base="$1" data
    data="$(oz_pg_data "$base")"
    if oz_pg_running "$base"; then
        oz_as_pg "$OZ_PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 -s stop
    fi
}

# Shell commands (strings) that stop / start the cluster, for tests.
oz_pg_stop_cmd() {
    local data
    data="$(oz_pg_data "$1")"
    if oz_is_root; then
        printf "runuser -u postgres -- '%s/pg_ctl' -D '%s' -m fast -w -t 60 -s stop\n" "$OZ_PG_BIN" "$data"
    else
        printf "'%s/pg_ctl' -D '%s' -m fast -w -t 60 -s stop\n" "$OZ_PG_BIN" "$data"
    fi
}
oz_pg_start_cmd() {
    local data
    data="$(oz_pg_data "$1")"
    if oz_is_root; then
        printf "runuser -u postgres -- '%s/pg_ctl' -D '%s' -l '%s/postgresql.log' -w -t 60 -s start\n" "$OZ_PG_BIN" "$data" "$1"
    else
        printf "'%s/pg_ctl' -D '%s' -l '%s/postgresql.log' -w -t 60 -s start\n" "$OZ_PG_BIN" "$data" "$1"
    fi
}

# oz_pg_create_db BASE PORT DB: role 'openzaak' (LOGIN, not a superuser) owning
# database DB, with PostGIS created by the superuser (PostGIS is not a trusted
# extension, so the owner could not create it; migrations may still say
# CREATE EXTENSION IF NOT EXISTS postgis). Idempotent.
oz_pg_create_db() {
    local base="$1" port="$2" db="$3"
    "$OZ_PSQL" -X -q -v ON_ERROR_STOP=1 -v db="$db" \
        -d "$(oz_pg_conninfo "$base" "$port" postgres postgres)" <<'SQL'
SET client_min_messages = warning;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'openzaak') THEN
    CREATE ROLE openzaak LOGIN;
  END IF;
END $$;
SELECT format('CREATE DATABASE %I OWNER openzaak', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
\connect :db
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS postgis;
SQL
}

# ---------------------------------------------------------------- nginx

oz_nginx_pid() {
    # prints the pid of the nginx master of PREFIX, fails when not running
    local pidfile="$1/logs/nginx.pid" pid
    [ -s "$pidfile" ] || return 1
    pid="$(cat "$pidfile")"
    case "$pid" in '' | *[!0-9]*) return 1 ;; esac
    kill -0 "$pid" 2>/dev/null || return 1
    grep -qa nginx "/proc/$pid/cmdline" 2>/dev/null || return 1
    printf '%s\n' "$pid"
}

# oz_nginx_stop PREFIX: graceful stop (QUIT), KILL after 15 s.
oz_nginx_stop() {
    local prefix="$1" pid i
    pid="$(oz_nginx_pid "$prefix")" || return 0
    kill -QUIT "$pid" 2>/dev/null || return 0
    for i in $(seq 1 150); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    oz_warn "nginx $pid ($prefix) did not stop after QUIT; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

# oz_nginx_configure PREFIX PORT CONNINFO: write PREFIX/conf/nginx.conf from
# .ci/nginx.conf.in and check it with nginx -t (environment:
# OZ_SELECTIELIJST_URL, OZ_CATALOGI_FORCED_SCOPES named|implied). Directives starting with
# openzaak_ that this build of the module does not know yet are commented out
# (with a warning), so the config keeps working while the C code catches up.
oz_nginx_configure() {
    local prefix="$1" port="$2" conninfo="$3" conf out i directive line
    local selectielijst="${OZ_SELECTIELIJST_URL:-https://selectielijst.openzaak.nl/api/v1}"
    local resolver
    resolver="$(awk '$1 == "nameserver" { print $2; exit }' /etc/resolv.conf 2>/dev/null || true)"
    case "$resolver" in *:*) resolver="[$resolver]" ;; esac
    [ -f "$OZ_MODULE" ] || oz_die "$OZ_MODULE not built (run make build)"
    mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/tmp"
    chmod 755 "$prefix" "$prefix/conf" "$prefix/logs" "$prefix/tmp"
    conf="$prefix/conf/nginx.conf"
    sed -e "s|@MODULE@|$OZ_MODULE|g" \
        -e "s|@PORT@|$port|g" \
        -e "s|@DB@|$conninfo|g" \
        -e "s|@BASE_URL@|http://127.0.0.1:$port|g" \
        -e "s|@SELECTIELIJST@|${selectielijst%/}|g" \
        -e "s|@RESOLVER@|${resolver:-127.0.0.1}|g" \
        -e "s|@CATALOGI_FORCED_SCOPES@|${OZ_CATALOGI_FORCED_SCOPES:-named}|g" \
        "$OZ_REPO/.ci/nginx.conf.in" >"$conf.tmp"
    mv "$conf.tmp" "$conf"
    for i in $(seq 1 30); do
        # An ASan build (OZ_CONFORMANCE=1 make test-asan): nginx -t exits
        # without freeing the configuration it built; no leak reports for it.
        if out="$(ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:detect_leaks=0}" \
                "$OZ_NGINX" -p "$prefix/" -c conf/nginx.conf -t 2>&1)"; then
            return 0
        fi
        directive="$(printf '%s\n' "$out" | sed -n 's/.*unknown directive "\(openzaak_[a-z_]*\)" in .*:\([0-9][0-9]*\)$/\1 \2/p' | head -n 1)"
        if [ -z "$directive" ]; then
            printf '%s\n' "$out" >&2
            oz_die "nginx -t failed for $conf"
        fi
        line="${directive#* }"
        directive="${directive%% *}"
        oz_warn "this build of the module does not know '$directive' yet: commented out in $conf:$line"
        sed -i "${line}s/^/#(unknown to this build) /" "$conf"
    done
    oz_die "nginx -t keeps failing for $conf"
}

# oz_nginx_start PREFIX: start nginx on PREFIX, or reload it when it already
# runs. A changed module needs a restart: dlopen() of the same path inside a
# running master returns the already loaded copy, so a reload would keep the
# old code.
oz_nginx_start() {
    local prefix="$1" pid sum i
    sum="$(sha256sum "$OZ_MODULE" | cut -d' ' -f1)"
    if pid="$(oz_nginx_pid "$prefix")"; then
        if [ "$(cat "$prefix/logs/module.sha256" 2>/dev/null)" = "$sum" ]; then
            oz_say "nginx already runs (pid $pid): reloading its configuration"
            kill -HUP "$pid"
            return 0
        fi
        oz_say "the module changed since nginx (pid $pid) started: restarting nginx"
        oz_nginx_stop "$prefix"
    fi
    rm -f "$prefix/logs/nginx.pid"
    if ! "$OZ_NGINX" -p "$prefix/" -c conf/nginx.conf 9>&-; then
        tail -n 20 "$prefix/logs/error.log" >&2 2>/dev/null || true
        oz_die "nginx did not start (log: $prefix/logs/error.log)"
    fi
    for i in $(seq 1 50); do
        if pid="$(oz_nginx_pid "$prefix")"; then
            printf '%s\n' "$sum" >"$prefix/logs/module.sha256"
            return 0
        fi
        sleep 0.1
    done
    oz_die "nginx did not write $prefix/logs/nginx.pid"
}

# oz_wait_http URL: wait until something answers HTTP on URL (any status)
oz_wait_http() {
    local i
    for i in $(seq 1 50); do
        if curl -s -o /dev/null -m 2 "$1"; then
            return 0
        fi
        sleep 0.1
    done
    oz_die "nothing answers on $1"
}

# ---------------------------------------------------------------- seeding

# oz_seed_superuser CONNINFO CLIENT_ID LABEL: an applicatie with
# heeftAlleAutorisaties for CLIENT_ID, unless one already holds that client id.
# Returns 3 (with a warning) when the table does not exist yet.
oz_seed_superuser() {
    local conninfo="$1" client_id="$2" label="$3" have
    have="$(OZ_CLIENT="$client_id" "$OZ_PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$conninfo" \
        -c "SELECT to_regclass('autorisaties.applicatie') IS NOT NULL")" || return 1
    if [ "$have" != t ]; then
        oz_warn "table autorisaties.applicatie does not exist (yet): no applicatie seeded for '$client_id'"
        return 3
    fi
    # client id and label reach psql through its environment (\getenv), never
    # through the command line or SQL text built by the shell.
    OZ_CLIENT="$client_id" OZ_LABEL="$label" "$OZ_PSQL" -X -q -v ON_ERROR_STOP=1 -d "$conninfo" <<'SQL'
\getenv client OZ_CLIENT
\getenv label OZ_LABEL
INSERT INTO autorisaties.applicatie (uuid, client_ids, label, heeft_alle_autorisaties)
SELECT gen_random_uuid(), ARRAY[:'client'], :'label', true
 WHERE NOT EXISTS (SELECT 1 FROM autorisaties.applicatie WHERE :'client' = ANY (client_ids));
SQL
}
