#!/usr/bin/env bash
# jsonld_oracle.sh ORACLE_TOOL EXPORT_TOOL SOURCE_DIR BUILD_DIR
#
# Checks hdcat's JSON-LD processor (harvesters/rdf/jsonld_*) against jsonld.js
# as the reference processor, on every JSON-LD document at hand:
#   - the samples (samples/holders, samples/datasets) exported as JSON-LD by
#     export_samples_tool, one file per dataset plus the catalog page;
#   - the JSON-LD fixtures of the harvester tests (tests/harvesters/data) and
#     the JSON-LD seeds of the fuzzer (tests/fuzz/corpus/jsonld);
#   - every JSON-LD file of the official standards (../shared/standards).
# hdcat converts each one with jsonld_oracle_tool; tests/harvesters/
# jsonld_oracle/compare.mjs converts it with jsonld.js (installed with npm into
# the build tree; its document loader serves only hdcat's local contexts),
# canonicalises both (RDFC-1.0) and requires the same triples.
# Exits 77 (skipped) only when node is not installed.
set -uo pipefail
oracle=$1; export_tool=$2; src=$3; build=$4
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }

work=$build/jsonld-oracle
mkdir -p "$work"
cp "$src/tests/harvesters/jsonld_oracle/package.json" "$src/tests/harvesters/jsonld_oracle/compare.mjs" "$work/"
if [ ! -d "$work/node_modules/jsonld" ] || [ ! -d "$work/node_modules/rdf-canonize" ]; then
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm install"; exit 1; }
fi

exported=$work/exported
rm -rf "$exported" "$work/hdcat"; mkdir -p "$exported"
samples=()
for f in "$src"/samples/holders/*.json "$src"/samples/datasets/*/*.json; do [ -f "$f" ] && samples+=("$f"); done
"$export_tool" "$exported" "${samples[@]}" > /dev/null || { echo "FAIL: export of the samples"; exit 1; }

# The comparison finds hdcat's output by file name: a second file of the same
# name is skipped when it is a copy (fixtures double as fuzzer seeds), an error otherwise.
inputs=()
declare -A seen
add_input() {
  local name; name=$(basename "$1")
  if [ -n "${seen[$name]:-}" ]; then
    cmp -s "$1" "${seen[$name]}" || { echo "FAIL: $1 and ${seen[$name]} share a file name"; exit 1; }
    return
  fi
  seen[$name]=$1
  inputs+=("$1")
}
for f in "$exported"/*.jsonld "$src"/tests/harvesters/data/*.jsonld "$src"/tests/fuzz/corpus/jsonld/*.jsonld; do
  [ -f "$f" ] && add_input "$f"
done
shared=$(cd "$src/.." && pwd)/shared/standards
if [ -d "$shared" ]; then
  while IFS= read -r -d '' f; do add_input "$f"; done < <(find "$shared" \( -name '*.jsonld' -o -name '*.json-ld' \) -print0 | sort -z)
fi

base=https://oracle.hdcat.test/documents/
"$oracle" contexts "$work/contexts.json" || { echo "FAIL: writing hdcat's contexts"; exit 1; }
"$oracle" convert "$work/hdcat" "$base" "${inputs[@]}" || { echo "FAIL: hdcat's conversion"; exit 1; }
node "$work/compare.mjs" "$work/contexts.json" "$work/hdcat" "$base" "${inputs[@]}"
