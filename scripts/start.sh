#!/usr/bin/env bash
# Sets up and runs hdcat on the embedded default, from nothing:
#   1. installs the Debian packages that are missing,
#   2. builds hdcat (Release) into build/release,
#   3. starts a private PostgreSQL under .hdcat/pg (Unix socket only; never a system cluster),
#   4. applies the migrations and fills the catalog from samples/,
#   5. runs the service in the foreground until Ctrl-C / SIGTERM, then stops PostgreSQL.
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
"$hdcat" load "$root/samples"
"$hdcat" catalog
