#!/usr/bin/env bash
# The harvest benchmark: hdcat's harvest of a synthetic source in every
# format beside a reference measured in the same run, the time to merely
# download and parse the same bytes with the same HTTP client and parsers.
#
#   bench/harvest.sh [--datasets N] [--formats F,G,...] [--dictionaries K]
#                    [--seed S] [--port P] [--build DIR] [--work DIR]
#
# It starts a private PostgreSQL (scripts/pg.sh) and a loopback server of the
# synthetic pages (hdcat-bench-harvest serve, 127.0.0.1 only), creates a
# fresh database, loads the synthetic holders and registers one source per
# format, then per format measures: the baseline (download + parse), the
# first harvest (datasets/s) and an unchanged re-harvest (wall s), each with
# its peak RSS (/usr/bin/time), and prints one table. Everything it started
# is stopped on exit; the server also stops by itself after two hours.
# Generated pages are kept under the work folder and reused by later runs of
# the same size, seed and port.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
datasets=100000
formats=feed,dcat-turtle,dcat-rdfxml,dcat-jsonld,ckan,csv-dictionary
dictionaries=100
seed=1
port=18431
build=$root/build-bench
work=$root/.hdcat/bench-harvest
while [ $# -gt 0 ]; do
  case "$1" in
    --datasets) datasets=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --dictionaries) dictionaries=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "harvest.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

hdcat=$build/cli/hdcat
tool=$build/bench/harvest/hdcat-bench-harvest
for binary in "$hdcat" "$tool"; do
  [ -x "$binary" ] || { echo "harvest.sh: $binary is missing; build it (cmake -DCMAKE_BUILD_TYPE=Release, targets hdcat hdcat-bench-harvest)" >&2; exit 3; }
done
mkdir -p "$work"
base_url=http://127.0.0.1:$port
data=$work/source-n$datasets-s$seed-p$port
pg_dir=$work/pg
db="host=$pg_dir/socket user=postgres dbname=hdcat_bench"
admin="host=$pg_dir/socket user=postgres dbname=postgres"
logs=$work/logs
mkdir -p "$logs"

server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  "$root/scripts/pg.sh" stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# 1. The synthetic source (generated once per size, seed and port; formats added as needed).
for format in ${formats//,/ }; do
  if [ ! -e "$data/$format/urls.txt" ]; then
    echo "generating $format: $datasets datasets under $data" >&2
    start=$(date +%s.%N)
    "$tool" generate --dir "$data" --base-url "$base_url" --datasets "$datasets" --dictionaries "$dictionaries" \
      --seed "$seed" --formats "$format"
    echo "  $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}') s, $(du -sh "$data/$format" | cut -f1)" >&2
  fi
done

# 2. The server and a fresh database.
"$tool" serve --dir "$data" --port "$port" --max-seconds 7200 >"$logs/server.log" 2>&1 &
server_pid=$!
"$root/scripts/pg.sh" start "$pg_dir" >/dev/null
psql "$admin" -qc "DROP DATABASE IF EXISTS hdcat_bench" -c "CREATE DATABASE hdcat_bench TEMPLATE template0 ENCODING 'UTF8'"
"$hdcat" migrate --db "$db" >/dev/null
"$hdcat" load "$data/holders" --db "$db" >/dev/null
for _ in $(seq 50); do
  curl -sf -o /dev/null "$base_url/bench/feed/feed.json?page=1" && break || sleep 0.1
done

# Registers the sources of one format: one for the paged formats, one per dictionary.
register() {
  local format=$1
  while read -r name holder source_format url option; do
    [ "$source_format" = "$format" ] || continue
    local extra=()
    [ -n "${option:-}" ] && extra=(--option "$option")
    "$hdcat" source add "$name" --holder "$holder" --endpoint "$url" --format "$source_format" \
      --schedule manual "${extra[@]}" --db "$db" >/dev/null
  done <"$data/sources.txt"
}

# Runs a command under /usr/bin/time; prints "WALL_S PEAK_RSS_MB".
measure() {
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$out.time" "$@" >"$out.log" 2>&1 || { echo "harvest.sh: failed: $* (see $out.log)" >&2; tail -5 "$out.log" >&2; exit 1; }
  awk '{printf "%s %.0f\n", $1, $2/1024}' "$out.time"
}

# The last job of the format's sources, summed: "seen added updated unchanged errored statuses".
job_counts() {
  psql "$db" -Atc "SELECT sum(j.n_seen), sum(j.n_added), sum(j.n_updated), sum(j.n_unchanged), sum(j.n_errored),
                          string_agg(DISTINCT j.status, '+')
                     FROM harvest_sources s
                     JOIN LATERAL (SELECT * FROM harvest_jobs WHERE source_id = s.id ORDER BY id DESC LIMIT 1) j ON true
                    WHERE s.format = '$1'" | tr '|' ' '
}

# Harvests every source of the format (dictionaries: all due at once, in one process).
harvest() {
  local format=$1 out=$2
  if [ "$format" = csv-dictionary ]; then
    psql "$db" -qc "UPDATE harvest_sources SET schedule = 'P1D', next_run_at = now() - interval '1 second'
                     WHERE format = 'csv-dictionary'"
    measure "$out" "$hdcat" harvest --due --quiet --db "$db"
  else
    measure "$out" "$hdcat" harvest "bench-$format" --quiet --db "$db"
  fi
}

rows=()
for format in ${formats//,/ }; do
  register "$format"
  read -r base_s base_mb < <(measure "$logs/$format-baseline" "$tool" fetch --dir "$data" --format "$format")
  base_line=$(cat "$logs/$format-baseline.log")
  read -r first_s first_mb < <(harvest "$format" "$logs/$format-first")
  read -r seen added updated unchanged errored status < <(job_counts "$format")
  read -r again_s again_mb < <(harvest "$format" "$logs/$format-again")
  read -r seen2 added2 updated2 unchanged2 errored2 status2 < <(job_counts "$format")
  stored=$((added + updated))
  rate=$(awk -v n="$stored" -v s="$first_s" 'BEGIN{printf "%.0f", s > 0 ? n/s : 0}')
  base_rate=$(awk -v l="$base_line" -v s="$base_s" 'BEGIN{split(l,a,/[= ]/); printf "%.0f", s > 0 ? a[6]/s : 0}')
  rows+=("$(printf '%-15s %8s %8s %6s %9s | %9s %8s %7s %-9s %6s | %9s %7s %9s %6s %-9s' \
    "$format" "$seen" "$base_s" "$base_mb" "$base_rate" "$first_s" "$rate" "$first_mb" "$status" "$errored" \
    "$again_s" "$again_mb" "$unchanged2" "$errored2" "$status2")")
  echo "${rows[-1]}" >&2
done

echo
echo "hdcat harvest benchmark: $datasets datasets x 40 variables per format (dictionaries: $dictionaries), seed $seed"
echo "machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-15s %8s %8s %6s %9s | %9s %8s %7s %-9s %6s | %9s %7s %9s %6s %-9s\n' \
  format records base_s base_MB base_ds/s first_s ds/s RSS_MB status errors again_s RSS_MB unchanged errors status
printf '%s\n' "${rows[@]}"
echo "base = download + parse only (same HTTP client and parsers); first = first harvest (added+updated per s);"
echo "again = unchanged re-harvest; RSS = peak resident set of that process; logs in $logs"
