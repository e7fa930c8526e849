#!/usr/bin/env bash
# Installs what is missing, builds hdcat with warnings as errors and
# AddressSanitizer + UndefinedBehaviorSanitizer, and runs every test through
# ctest (unit, PostgreSQL, HTTP and browser tests; ctest starts and stops its
# own private PostgreSQL).
#
#   scripts/test.sh [ctest arguments...]     e.g. scripts/test.sh -R search
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HDCAT_TEST_BUILD_DIR:-$root/build/test}
jobs=$(nproc 2>/dev/null || echo 2)

bash "$root/scripts/install-deps.sh" --test
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DHDCAT_WERROR=ON -DHDCAT_SANITIZE=ON >/dev/null
cmake --build "$build" -j"$jobs"
cd "$build"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
# Third-party libraries' process-lifetime caches are listed there, nothing of ours.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest -j"$jobs" --output-on-failure --timeout 900 "$@"
