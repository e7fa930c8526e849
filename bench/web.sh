#!/usr/bin/env bash
# The web benchmark: wrk with keep-alive against `hdcat serve` on 127.0.0.1,
# each endpoint beside the /health ceiling measured in the same run (the
# cheapest route through the same server: HTTP parsing, routing, access log).
#
#   bench/web.sh [--catalog DIR] [--duration S] [--connections N] [--threads N]
#                [--server-threads N] [--port P] [--build DIR] [--work DIR]
#
# It configures and builds a Release hdcat (cmake, target hdcat) in --build
# (default build-webapi-rel), starts a private PostgreSQL (scripts/pg.sh) in
# --work, creates a fresh database, runs `hdcat migrate`, `hdcat load` of the
# catalog folder (default samples/: holders/ then datasets/; any folder of
# holder and dataset JSON documents laid out the same way works, e.g. a
# national-scale synthetic catalog written to disk), `hdcat reindex`, then
# serves and runs wrk (--latency) for --duration seconds per endpoint:
#   /health                                   the ceiling
#   /api/v1/search?q=糖尿病                    full-text search
#   /api/v1/search?q=糖尿病&data_type=…        the same with a facet filter
#   /datasets/{holder}/{dataset}               a dataset page (HTML)
#   /api/3/action/package_search?q=糖尿病      CKAN package_search
# and prints req/s, p50 and p99 per endpoint with req/s as % of /health.
# Everything it started is stopped on exit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
catalog=$root/samples
duration=10
connections=50
wrk_threads=2
server_threads=2
port=18480
build=$root/build-webapi-rel
work=$root/.hdcat/bench-web
while [ $# -gt 0 ]; do
  case "$1" in
    --catalog) catalog=$(cd "$2" && pwd); shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "web.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "web.sh: wrk is not installed (scripts/install-deps.sh --test)" >&2; exit 3; }
[ -d "$catalog/holders" ] && [ -d "$catalog/datasets" ] ||
  { echo "web.sh: $catalog needs holders/ and datasets/ folders" >&2; exit 2; }

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target hdcat -j2 >/dev/null
hdcat=$build/cli/hdcat

mkdir -p "$work"
pg_dir=$work/pg
index=$work/index
logs=$work/logs
mkdir -p "$logs"
db="host=$pg_dir/socket user=postgres dbname=hdcat_bench_web"
admin="host=$pg_dir/socket user=postgres dbname=postgres"

server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  "$root/scripts/pg.sh" stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

"$root/scripts/pg.sh" start "$pg_dir" >/dev/null
psql "$admin" -qAt -c "DROP DATABASE IF EXISTS hdcat_bench_web" -c "CREATE DATABASE hdcat_bench_web" >/dev/null
export HDCAT_DATABASE_URL=$db
"$hdcat" migrate >"$logs/migrate.log"
"$hdcat" load "$catalog/holders" >"$logs/load-holders.log"
"$hdcat" load "$catalog/datasets" >"$logs/load-datasets.log"
rm -rf "$index"
"$hdcat" reindex --index "$index" >"$logs/reindex.log"

"$hdcat" serve --port "$port" --threads "$server_threads" --index "$index" --no-index-sync \
  >"$logs/serve.out" 2>"$logs/access.log" &
server_pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 100); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$base/ready" >/dev/null || { echo "web.sh: the server is not ready (see $logs)" >&2; exit 1; }

# A dataset page and a facet value that exist in this catalog.
ref=$(psql "$db" -qAt -c "SELECT h.identifier || '/' || d.identifier FROM datasets d JOIN holders h ON h.id = d.holder_id
                          WHERE d.status = 'active' ORDER BY d.public_id LIMIT 1")
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("糖尿病"))')
data_type=$(curl -fsS "$base/api/v1/search?q=$q" | python3 -c 'import json,sys
facets = json.load(sys.stdin)["facets"].get("data_type", [])
print(facets[0]["value"] if facets else "")')
declare -a names=(health search search-faceted dataset-page ckan-package-search)
declare -A targets=(
  [health]=/health
  [search]="/api/v1/search?q=$q"
  [search-faceted]="/api/v1/search?q=$q&data_type=$data_type"
  [dataset-page]="/datasets/$ref"
  [ckan-package-search]="/api/3/action/package_search?q=$q"
)
for name in "${names[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base${targets[$name]}")
  [ "$status" = 200 ] || { echo "web.sh: $name ${targets[$name]} answers $status" >&2; exit 1; }
done

# wrk's --latency output -> "req/s p50_ms p99_ms errors".
summarise() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { errors += 1 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }' "$1"
}

echo "hdcat web benchmark: $(nproc) cores, $(uname -r), catalog $catalog ($(psql "$db" -qAt -c "SELECT count(*) FROM datasets WHERE status = 'active'") datasets)"
echo "wrk -t$wrk_threads -c$connections -d${duration}s --latency (keep-alive), server --threads $server_threads; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %10s %10s %10s %12s %s\n' endpoint req/s p50_ms p99_ms "% of health" target
ceiling=
for name in "${names[@]}"; do
  out=$logs/wrk-$name.txt
  wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency "$base${targets[$name]}" >"$out"
  read -r rps p50 p99 errors < <(summarise "$out")
  [ -z "$ceiling" ] && ceiling=$rps
  share=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.1f", b > 0 ? 100 * a / b : 0 }')
  note=
  [ "$errors" != 0 ] && note=" ($errors error lines, see $out)"
  printf '%-22s %10s %10s %10s %11s%% %s%s\n' "$name" "$rps" "$p50" "$p99" "$share" "${targets[$name]}" "$note"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
