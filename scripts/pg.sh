#!/usr/bin/env bash
# A private PostgreSQL 15 cluster under DIR, reachable only through the Unix
# socket DIR/socket (no TCP port, so it can never clash with another cluster
# or touch the system one).
#
#   scripts/pg.sh start DIR   create the cluster if needed, then start it
#   scripts/pg.sh stop DIR    stop it (a no-op if it is not running)
#   scripts/pg.sh status DIR  exit 0 if it runs
#
# As root, PostgreSQL runs as the `postgres` user. When that user cannot reach
# DIR (a checkout under /root, say), the cluster lives in a private folder
# under /tmp and DIR becomes a link to it.
set -euo pipefail

action=${1:?usage: pg.sh start|stop|status DIR}
dir=${2:?usage: pg.sh start|stop|status DIR}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/pg_ctl" ] || { echo "pg.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 3; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

prepare_dir() {
  if [ -L "$dir" ] && [ ! -e "$dir" ]; then rm -f "$dir"; fi
  if [ -e "$dir" ]; then return; fi
  mkdir -p "$(dirname "$dir")"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$(dirname "$dir")"; then
    local private
    private=$(mktemp -d /tmp/hdcat-pg.XXXXXX)
    chmod 700 "$private"
    chown postgres: "$private"
    ln -s "$private" "$dir"
  else
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  fi
}

case "$action" in
  start)
    prepare_dir
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg mkdir -p "$dir/socket"
      as_pg "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 3; }
    fi
    if as_pg "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then exit 0; fi
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-k $dir/socket -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null \
      || { tail -n 20 "$dir/postgres.log" >&2; exit 3; }
    ;;
  stop)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  status)
    as_pg "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
    ;;
  *)
    echo "usage: pg.sh start|stop|status DIR" >&2
    exit 2
    ;;
esac
