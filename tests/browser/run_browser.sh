#!/usr/bin/env bash
# run_browser.sh HDCAT SOURCE_DIR BUILD_DIR
#
# The browser journeys of the pages (tests/browser/journeys.test.mjs) against a
# real `hdcat serve`:
#   1. installs playwright-core and axe-core into BUILD_DIR/node with the
#      committed package.json and package-lock.json (again only when they change);
#   2. creates a database in the test PostgreSQL (HDCAT_TEST_PGHOST), migrates
#      it, loads samples/ and builds a search index, all with the hdcat binary;
#   3. starts `hdcat serve` on a free 127.0.0.1 port and waits for /ready;
#   4. runs the journeys in headless Chromium (/usr/bin/chromium); screenshots
#      go to BUILD_DIR/artifacts;
#   5. always stops the server and drops the database.
# Exits 77 (skipped) only when node is not installed.
set -uo pipefail
hdcat=$1; src=$2; build=$3
here=$src/tests/browser
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
command -v npm >/dev/null || { echo "FAIL: npm is not installed (scripts/install-deps.sh --test)"; exit 1; }
[ -x /usr/bin/chromium ] || { echo "FAIL: /usr/bin/chromium is missing (scripts/install-deps.sh --test)"; exit 1; }
[ -n "${HDCAT_TEST_PGHOST:-}" ] || { echo "FAIL: HDCAT_TEST_PGHOST is not set: run through ctest"; exit 1; }

# 1. Node packages, pinned by the lock file.
runner=$build/node
mkdir -p "$runner"
if ! cmp -s "$here/package-lock.json" "$runner/package-lock.json" || [ ! -d "$runner/node_modules" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$runner/"
  (cd "$runner" && npm ci --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm ci"; exit 1; }
fi
cp "$here"/*.mjs "$runner/"

# 2. A private database with the samples, and a search index.
database=browser_$$_$RANDOM
admin=(psql -X -q -v ON_ERROR_STOP=1 -h "$HDCAT_TEST_PGHOST" -U postgres -d postgres)
conninfo="host=$HDCAT_TEST_PGHOST user=postgres dbname=$database"
work=$build/run
rm -rf "$work"; mkdir -p "$work"
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  server_pid=""
}
cleanup() {
  stop_server
  "${admin[@]}" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT
"${admin[@]}" -c "CREATE DATABASE $database TEMPLATE template0 ENCODING 'UTF8'" || { echo "FAIL: create database"; exit 1; }
"$hdcat" migrate --db "$conninfo" > "$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; echo "FAIL: hdcat migrate"; exit 1; }
"$hdcat" load "$src/samples/holders" "$src/samples/datasets" --db "$conninfo" > "$work/load.log" 2>&1 \
  || { cat "$work/load.log"; echo "FAIL: hdcat load"; exit 1; }
"$hdcat" reindex --index "$work/index" --db "$conninfo" > "$work/reindex.log" 2>&1 \
  || { cat "$work/reindex.log"; echo "FAIL: hdcat reindex"; exit 1; }

# 3. The server, on a port the kernel picks.
HDCAT_SECRET=browser-test-secret "$hdcat" serve --bind 127.0.0.1 --port 0 --index "$work/index" --db "$conninfo" \
  > "$work/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/serve.log")
  if [ -n "$port" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/ready"; then url=http://127.0.0.1:$port; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log"; echo "FAIL: hdcat serve did not become ready"; exit 1; }

# 4. The journeys.
artifacts=$build/artifacts
rm -rf "$artifacts"; mkdir -p "$artifacts"
echo "server: $url; screenshots: $artifacts"
HDCAT_URL=$url HDCAT_ARTIFACTS=$artifacts HDCAT_SOURCE=$src CHROMIUM=/usr/bin/chromium \
  node --test --test-concurrency=1 "$runner/journeys.test.mjs"
status=$?
stop_server
echo "screenshots: $artifacts ($(ls "$artifacts" | wc -l) files)"
# A sanitizer report from the server fails the test even when every page looked right.
if grep -qE 'runtime error:|ERROR: AddressSanitizer' "$work/serve.log"; then
  grep -E -A20 'runtime error:|ERROR: AddressSanitizer' "$work/serve.log" | head -40
  echo "FAIL: sanitizer report in $work/serve.log"
  status=1
fi
[ $status -eq 0 ] || { echo "server log: $work/serve.log"; tail -n 20 "$work/serve.log"; }
exit $status
