#!/usr/bin/env bash
# Lints web/api/openapi.json with Redocly CLI (npm @redocly/cli, pinned in
# tests/web/openapi_lint/package.json, installed once under the build folder)
# and its recommended rules. Fails on any error; warnings are printed.
# Exits 77 (skipped) only when node is not installed.
# Usage: openapi_lint.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src=$1; build=$2
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
tool=$build/openapi-lint
mkdir -p "$tool"
cp "$src/tests/web/openapi_lint/package.json" "$tool/package.json"
if [ ! -x "$tool/node_modules/.bin/redocly" ]; then
  (cd "$tool" && npm install --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm install"; exit 1; }
fi
cd "$tool"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  node_modules/.bin/redocly lint "$src/web/api/openapi.json" --format=stylish
