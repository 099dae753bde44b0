#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a free loopback port and prints its URL.
# Usage: eval "$(scripts/start-test-postgres.sh)"   (sets TEST_DATABASE_URL and PG_TEST_DIR)
# Stop it with: pg_ctl -D "$PG_TEST_DIR/data" stop -m fast
set -euo pipefail

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found=$(ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$found" ] && echo "$found"
}

initdb_bin=$(find_bin initdb || true)
if [ -z "$initdb_bin" ]; then
  echo "PostgreSQL binaries not found; installing Debian's postgresql" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  initdb_bin=$(find_bin initdb)
fi
pg_ctl_bin="$(dirname "$initdb_bin")/pg_ctl"
[ -x "$pg_ctl_bin" ] || pg_ctl_bin=$(find_bin pg_ctl)

dir=$(mktemp -d /tmp/waymark-pg.XXXXXX)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# PostgreSQL refuses to run as root: run it as an unprivileged user when we are root.
run_as=()
if [ "$(id -u)" = "0" ]; then
  id waymarkpg >/dev/null 2>&1 || useradd --system --no-create-home waymarkpg
  chown -R waymarkpg "$dir"
  run_as=(runuser -u waymarkpg --)
fi
"${run_as[@]}" "$initdb_bin" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
"${run_as[@]}" "$pg_ctl_bin" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
echo "export PG_TEST_DIR=$dir"
echo "export PG_CTL=\"${run_as[*]} $pg_ctl_bin\""
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
