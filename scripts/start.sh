#!/usr/bin/env bash
# Sets up and runs hdcat on the embedded default, from nothing:
#   1. installs the Debian packages that are missing,
#   2. builds hdcat (Release) into build/release,
#   3. starts a private PostgreSQL under .hdcat/pg (Unix socket only; never a system cluster),
#   4. applies the migrations, registers the sample holders, and fills the catalog by
#      harvesting samples/ from a sample holder endpoint on 127.0.0.1 (HDCAT_SAMPLES_PORT, default 8090),
#   5. sets a fresh random password on the demo self-service account demo-jcs (printed) and
#      starts a harvest worker,
#   6. runs the service in the foreground until Ctrl-C / SIGTERM, then stops PostgreSQL.
#
# Environment: HDCAT_PORT (default 8080), HDCAT_BIND (default 127.0.0.1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/release
state=$root/.hdcat
jobs=$(nproc 2>/dev/null || echo 2)

bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DHDCAT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target hdcat

mkdir -p "$state"
bash "$root/scripts/pg.sh" start "$state/pg"
trap 'bash "$root/scripts/pg.sh" stop "$state/pg"' EXIT

export HDCAT_HOME=$root
hdcat=$build/cli/hdcat
"$hdcat" migrate
# Holders register themselves; their datasets arrive by harvesting the sample
# holder endpoint (samples/ served on 127.0.0.1 as native feeds, DCAT-AP
# Turtle / JSON-LD / RDF/XML, a CKAN portal and a CSV data dictionary).
"$hdcat" load "$root/samples/holders"
samples_port=${HDCAT_SAMPLES_PORT:-8090}
"$hdcat" sample-holders --samples "$root/samples" --port "$samples_port" &
samples_pid=$!
trap 'kill "$samples_pid" 2>/dev/null || true; bash "$root/scripts/pg.sh" stop "$state/pg"' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$samples_port") 2>/dev/null && break
  sleep 0.1
done
"$hdcat" sample-holders --samples "$root/samples" --port "$samples_port" --list-sources |
  while read -r name holder format url options; do
    "$hdcat" source show "$name" >/dev/null 2>&1 ||
      "$hdcat" source add "$name" --holder "$holder" --format "$format" --endpoint "$url" $options >/dev/null
    "$hdcat" harvest "$name" --quiet || echo "harvest of $name failed; see: hdcat source show $name" >&2
  done
"$hdcat" source list
"$hdcat" catalog
"$hdcat" reindex
# A demo holder editor of the sample holder jcs for the self-service pages,
# with a fresh random password on every start: printed below, never written
# to the checkout (printf is a shell builtin, so it never shows in `ps`).
demo_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
accounts=$("$hdcat" account list)
if grep -q '^demo-jcs ' <<<"$accounts"; then
  printf '%s\n' "$demo_password" | "$hdcat" account password demo-jcs >/dev/null
else
  printf '%s\n' "$demo_password" | "$hdcat" account add demo-jcs --holder jcs --name "Demo editor (JCS)" >/dev/null
fi
# A harvest worker runs the jobs that "Run a harvest now" queues on those pages.
"$hdcat" harvest --worker --sleep-seconds 10 --quiet &
worker_pid=$!
trap 'kill "$worker_pid" "$samples_pid" 2>/dev/null || true; bash "$root/scripts/pg.sh" stop "$state/pg"' EXIT
echo "hdcat is serving on http://${HDCAT_BIND:-127.0.0.1}:${HDCAT_PORT:-8080}/ (Ctrl-C stops it)"
echo "holder self-service: http://${HDCAT_BIND:-127.0.0.1}:${HDCAT_PORT:-8080}/manage/login" \
  "(login demo-jcs, password $demo_password)"
"$hdcat" serve --bind "${HDCAT_BIND:-127.0.0.1}" --port "${HDCAT_PORT:-8080}"
