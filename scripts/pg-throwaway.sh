#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the server's tests, as docs/environment.md
# describes: initdb in a temporary folder, run by the unprivileged `postgres` user, on a
# loopback port, fsync off (the data is thrown away). Prints the connection URL on the
# last line. Stop it with: scripts/pg-throwaway.sh stop <folder>
set -euo pipefail
# A free loopback port unless one is asked for, so two runs on one machine never collide.
PORT="${STAGECRAFT_PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")}"
BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${1:-}" = stop ]; then
  as_pg "$BIN/pg_ctl" -D "$2/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
D=$(mktemp -d /tmp/stagecraft-pg.XXXXXX)
chmod 755 "$D"
[ "$(id -u)" = 0 ] && chown postgres "$D"
as_pg "$BIN/initdb" -D "$D/data" -A trust -U stagecraft >/dev/null
as_pg "$BIN/pg_ctl" -D "$D/data" -l "$D/log" -w \
  -o "-p $PORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "$D"
echo "postgres://stagecraft@127.0.0.1:$PORT/postgres"
