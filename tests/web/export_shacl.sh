#!/usr/bin/env bash
# export_shacl.sh TOOL SOURCE_DIR BUILD_DIR
#
# Exports every sample (samples/holders, samples/datasets; the fixtures in
# tests/web/data/ as well) with export_samples_tool, then
#   1. parses each Turtle, N-Triples and RDF/XML file with raptor2 (rapper)
#      and requires the triple count the exporter built;
#   2. runs ../shared/tools/shacl/validate.mjs over each dataset's Turtle and
#      JSON-LD, and over the catalog page, with --profile r8 and --profile
#      dcatap301-release, requiring exit 0 (no Violation) and the same triple
#      count for JSON-LD as for Turtle;
#   3. prints the Warnings per sample and profile.
# Exits 77 (skipped) only when node is not installed.
set -uo pipefail
tool=$1; src=$2; build=$3
shared=$(cd "$src/.." && pwd)/shared
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
command -v rapper >/dev/null || { echo "FAIL: rapper (raptor2-utils) is not installed"; exit 1; }

validator=$build/shacl-tool
mkdir -p "$validator"
cp "$shared/tools/shacl/validate.mjs" "$shared/tools/shacl/package.json" "$validator/"
if [ ! -d "$validator/node_modules" ]; then
  (cd "$validator" && npm install --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm install"; exit 1; }
fi
export SHACL_STANDARDS=$shared/standards
export SHACL_CACHE=$build/shacl-cache
# The shared stand-ins for large EU vocabularies, plus the few real EU concepts
# the samples use that they lack (tests/web/data/vocab-stub-additions.ttl).
stubs=$build/vocab-stubs
rm -rf "$stubs"; cp -r "$shared/standards/vocab-stubs" "$stubs"
cat "$src/tests/web/data/vocab-stub-additions.ttl" | grep -v '^@prefix' >> "$stubs/filetypes.stub.ttl"

out=$build/export-samples
rm -rf "$out"; mkdir -p "$out"
inputs=()
for f in "$src"/samples/holders/*.json "$src"/samples/datasets/*/*.json "$src"/tests/web/data/export/*.json; do
  [ -f "$f" ] && inputs+=("$f")
done
"$tool" "$out" "${inputs[@]}" || { echo "FAIL: export"; exit 1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. raptor2 reads back exactly the triples that were built.
while IFS=$'\t' read -r name expected; do
  for pair in ttl:turtle nt:ntriples rdf:rdfxml; do
    ext=${pair%%:*}; syntax=${pair#*:}
    got=$(rapper -i "$syntax" -c "$out/$name.$ext" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')
    [ "$got" = "$expected" ] || fail "$name.$ext: rapper read ${got:-nothing} triples, the exporter built $expected"
  done
done < "$out/counts.tsv"

# 2. SHACL, a few files per node process (memory grows with each file).
run_validator() {  # profile files...
  local profile=$1; shift
  node "$validator/validate.mjs" --stubs "$stubs" --profile "$profile" "$@" > "$out/shacl.log" 2>&1
  local status=$?
  cat "$out/shacl.log" >> "$out/shacl-all.log"
  grep -E '^\S+ \[' "$out/shacl.log" | while read -r line; do
    file=${line%% *}
    echo "$profile $file $(echo "$line" | grep -o 'triples=[0-9]*') $(echo "$line" | grep -o 'violations=[0-9]*') $(echo "$line" | grep -o 'warnings=[0-9]*')"
  done >> "$out/shacl-summary.txt"
  if [ $status -ne 0 ]; then
    fail "validate.mjs --profile $profile exited $status for: $(basename -a "$@" | tr '\n' ' ')"
    grep -E '^\S+ \[|^   V ' "$out/shacl.log" | grep -B1 -E '^   V ' | head -40
  fi
}
: > "$out/shacl-summary.txt"; : > "$out/shacl-all.log"
datasets=()
for f in "$out"/*__*.ttl; do datasets+=("$f" "${f%.ttl}.jsonld"); done
for profile in r8 dcatap301-release; do
  for ((i = 0; i < ${#datasets[@]}; i += 8)); do
    run_validator "$profile" "${datasets[@]:i:8}"
  done
done
# The catalog page too: the R8 shapes per dataset level, DCAT-AP for the Catalog.
for profile in r8 dcatap301-release; do
  run_validator "$profile" "$out/catalog.ttl" "$out/catalog.jsonld"
done

# JSON-LD and Turtle must be the same graph for the JSON-LD processor too.
while IFS=$'\t' read -r name expected; do
  for ext in ttl jsonld; do
    got=$(grep -m1 "^dcatap301-release $name.$ext " "$out/shacl-summary.txt" | grep -o 'triples=[0-9]*' | cut -d= -f2)
    [ "$got" = "$expected" ] || fail "$name.$ext: the validator read ${got:-nothing} triples, the exporter built $expected"
  done
done < "$out/counts.tsv"

# 3. Warnings per sample (Turtle; JSON-LD gives the same graph).
echo "warnings per sample (profile, file, triples, violations, warnings):"
grep '\.ttl ' "$out/shacl-summary.txt" | sort
if [ $failures -ne 0 ]; then
  echo "$failures failure(s); full validator output in $out/shacl-all.log"
  exit 1
fi
echo "OK: $(wc -l < "$out/counts.tsv") graphs exported, parsed back and SHACL-valid"
