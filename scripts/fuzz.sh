#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, in build-fuzz/) and runs each for SECONDS (default
# 60), one after the other, on a copy of its seed corpus fuzz/corpus/<target>/ (the committed
# corpus never grows; pass --merge to add what a run found to it). Exits 1 when a target
# crashes, leaks, times out on an input or runs out of memory, naming the input that did it.
#
# Usage: scripts/fuzz.sh [--merge] [SECONDS] [TARGET...]     (TARGET: rules_yaml, scanner, ...)
# Reproduce a crash: build-fuzz/fuzz/fuzz_<target> <crash file>
# Environment: MAGPIE_FUZZ_BUILD_DIR (default build-fuzz/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MAGPIE_FUZZ_BUILD_DIR:-$root/build-fuzz}"
merge=0
if [ "${1:-}" = "--merge" ]; then merge=1; shift; fi
seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/fuzz/*_fuzzer.cc; do
    name="$(basename "$source" _fuzzer.cc)"
    targets+=("$name")
  done
fi

# Longest input per target: long enough for what the parser reads (a few rules, a report, a
# file crossing the scanner's 4 KiB test chunks), short enough to keep executions fast.
max_len() {
  case "$1" in
    baseline|triage_baseline|scanner|allow_markers) echo 16384 ;;
    rules_yaml|repo_config) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

bash "$root/scripts/install-deps.sh" --fuzz
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMAGPIE_BUILD_FUZZERS=ON -DMAGPIE_BUILD_TESTS=OFF >/dev/null
fi
echo "== build (clang, libFuzzer + ASan + UBSan, $build)"
if ! cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >"$build/build.log" 2>&1; then
  tail -n 40 "$build/build.log" >&2
  exit 2
fi

failed=()
for target in "${targets[@]}"; do
  work="$build/fuzz-run/$target"
  rm -rf "$work"
  mkdir -p "$work/corpus"
  cp "$root/fuzz/corpus/$target/"* "$work/corpus/"
  echo "== fuzz_$target: ${seconds}s, -max_len=$(max_len "$target")"
  options=(-max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=4096)
  if [ -f "$root/fuzz/$target.dict" ]; then options+=(-dict="$root/fuzz/$target.dict"); fi
  status=0
  "$build/fuzz/fuzz_$target" -max_total_time="$seconds" "${options[@]}" -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1 || status=$?
  grep -E '^(#[0-9]+[[:space:]]+DONE|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb))' "$work/log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$work/log" >&2
    echo "fuzz_$target FAILED (exit $status); input: $(ls "$work"/crash-* "$work"/leak-* \
      "$work"/timeout-* "$work"/oom-* 2>/dev/null | tr '\n' ' ')log: $work/log" >&2
    failed+=("$target")
  elif [ "$merge" -eq 1 ]; then
    "$build/fuzz/fuzz_$target" -merge=1 "${options[@]}" "$root/fuzz/corpus/$target" \
      "$work/corpus" >>"$work/log" 2>&1
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} target(s), ${seconds}s each, no crash"
