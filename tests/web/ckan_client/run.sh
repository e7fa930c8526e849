#!/usr/bin/env bash
# Installs ckan.js (npm "ckan", pinned in package.json) under WORK_DIR and runs
# check.js against the hdcat server at BASE_URL. Exit 77 when node or npm, or
# the npm registry, is not available here.
# Usage: run.sh BASE_URL WORK_DIR
set -euo pipefail
base_url=$1
work_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null && command -v npm >/dev/null || { echo "node/npm not installed"; exit 77; }
mkdir -p "$work_dir"
cp "$here/package.json" "$work_dir/package.json"
if [ ! -f "$work_dir/node_modules/ckan/ckan.js" ]; then
  (cd "$work_dir" && npm install --no-audit --no-fund --loglevel=error >npm-install.log 2>&1) ||
    { echo "npm install failed (see $work_dir/npm-install.log)"; exit 77; }
fi
NODE_PATH="$work_dir/node_modules" node "$here/check.js" "$base_url"
