#!/usr/bin/env bash
# The default test suite (as scripts/test.sh runs it) built with AddressSanitizer, LeakSanitizer
# and UndefinedBehaviorSanitizer in build-asan/, then each fuzz target for a short while
# (scripts/fuzz.sh) when clang is installed. Any sanitizer report fails the run.
#
# Usage: scripts/test-sanitized.sh
# Environment: MAGPIE_ASAN_BUILD_DIR (default build-asan/), MAGPIE_FUZZ_SECONDS (seconds per
# fuzz target, default 20; 0 skips the fuzzers).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MAGPIE_ASAN_BUILD_DIR:-$root/build-asan}"
fuzz_seconds="${MAGPIE_FUZZ_SECONDS:-20}"

bash "$root/scripts/install-deps.sh"
# Vectorscan, RE2, libgit2, TBB and yaml-cpp come from Debian uninstrumented: ASan still checks
# every access magpie makes, and LSan every allocation, wherever it was made.
sanitize="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
# Debug keeps assert() on; -O1 (not Debug's -O0) is what the sanitizers' own documentation
# recommends for speed: the instrumented suite runs about twice as fast, which keeps CI inside its
# time box, and every memory access is still checked. Configured on every run so that a build
# directory made with other flags follows this script.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DMAGPIE_BUILD_TESTS=ON \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DCMAKE_C_FLAGS_DEBUG="-O1 -g" \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_EXE_LINKER_FLAGS="$sanitize" >/dev/null
echo "== build (sanitized, $build)"
if ! cmake --build "$build" -j"$(nproc)" >"$build/build.log" 2>&1; then
  tail -n 40 "$build/build.log" >&2
  exit 2
fi
echo "   ${SECONDS}s so far"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export MAGPIE_CACHE_DIR="$build/test-cache"
echo "== magpie rules check (sanitized)"
if ! "$build/cli/magpie" rules check >"$build/rules-check.log" 2>&1; then
  cat "$build/rules-check.log" >&2
  exit 1
fi
tail -n 1 "$build/rules-check.log"
echo "== ctest (sanitized)"
if ! (cd "$build" && ctest --output-on-failure -j"$(nproc)" -LE slow >ctest.log 2>&1); then
  grep -v '^ *\(Start\|[0-9]*/[0-9]* Test.*Passed\)' "$build/ctest.log" >&2
  exit 1
fi
grep -A 20 'tests passed' "$build/ctest.log"
echo "   ${SECONDS}s so far"

if [ "$fuzz_seconds" = "0" ]; then exit 0; fi
if ! command -v clang++ >/dev/null; then
  echo "== fuzz: skipped, clang is not installed (scripts/install-deps.sh --fuzz installs it)"
  exit 0
fi
echo "== fuzz (${fuzz_seconds}s per target)"
unset ASAN_OPTIONS UBSAN_OPTIONS  # libFuzzer sets its own
bash "$root/scripts/fuzz.sh" "$fuzz_seconds"
echo "   ${SECONDS}s in all"
