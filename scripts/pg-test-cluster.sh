#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for tests: initdb in a temporary folder, started on a free local
# port (TCP on 127.0.0.1 and a unix socket in that folder), with a database `peta` that has the postgis extension.
#   scripts/pg-test-cluster.sh start [STATE_FILE]   prints the PG: connection string (and writes it to STATE_FILE)
#   scripts/pg-test-cluster.sh stop  [STATE_FILE]   stops the cluster and removes its folder
# STATE_FILE defaults to ${TMPDIR:-/tmp}/peta-pg-test.state. As root, postgres runs as the `postgres` user
# (or `nobody`), since it refuses to run as root.
set -euo pipefail
cmd=${1:-}
state=${2:-${TMPDIR:-/tmp}/peta-pg-test.state}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "pg-test-cluster: PostgreSQL server binaries not found (scripts/setup.sh installs postgresql-15)" >&2; exit 1; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    owner=$(id -un)
    if [[ $(id -u) -eq 0 ]]; then
      owner=postgres
      id postgres >/dev/null 2>&1 || owner=nobody
    fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/peta-pg.XXXXXX")
    chmod 755 "$dir"
    [[ $(id -u) -eq 0 ]] && chown "$owner" "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as_owner "$bin/initdb" -D "$dir/data" -U peta -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h "$dir" -p "$port" -U peta peta
    as_owner "$bin/psql" -q -h "$dir" -p "$port" -U peta -d peta -c "CREATE EXTENSION postgis" >/dev/null
    conn="PG:dbname=peta host=$dir port=$port user=peta"
    printf 'dir=%s\nowner=%s\nconn=%s\n' "$dir" "$owner" "$conn" >"$state"
    echo "$conn"
    ;;
  stop)
    [[ -f "$state" ]] || { echo "pg-test-cluster: no state file $state (not started?)" >&2; exit 0; }
    dir=$(sed -n 's/^dir=//p' "$state")
    owner=$(sed -n 's/^owner=//p' "$state")
    if [[ -d "$dir/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [[ "$dir" == */peta-pg.* ]] && rm -rf "$dir"
    rm -f "$state"
    ;;
  *)
    echo "usage: $0 start|stop [STATE_FILE]" >&2
    exit 2
    ;;
esac
