#!/usr/bin/env bash
# First run in a fresh CI container (issue 11): `magpie scan` of a 10-file directory with an
# empty cache directory (MAGPIE_CACHE_DIR, a new empty one per run), median wall time of RUNS
# runs for each executable given. The target is < 150 ms with the built-in database embedded
# (cache/rules_cache.h); before it, each such run parsed rules.yaml and compiled every rule.
#
# Usage: bench/first_run.sh MAGPIE [MAGPIE...]     e.g. before and after:
#   bench/first_run.sh /work/main/build/cli/magpie build/cli/magpie
# Environment: RUNS (default 7). Also prints the warm-cache median, for comparison.
set -euo pipefail
readonly RUNS="${RUNS:-7}"
[[ $# -gt 0 ]] || { echo "usage: $0 MAGPIE [MAGPIE...]" >&2; exit 2; }

tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
for i in $(seq 1 10); do
  printf 'name = "file %d"\nvalue = %d\n' "$i" "$i" > "$tree/f$i.txt"
done

# Milliseconds of one run of "$@" (python3 for a monotonic clock with sub-ms resolution).
time_ms() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{(time.monotonic() - t) * 1000:.1f}")
PY
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for magpie in "$@"; do
  cold=()
  for _ in $(seq 1 "$RUNS"); do
    cache="$(mktemp -d)"
    cold+=("$(MAGPIE_CACHE_DIR="$cache" time_ms "$magpie" scan -q "$tree")")
    rm -rf "$cache"
  done
  warm_cache="$(mktemp -d)"
  MAGPIE_CACHE_DIR="$warm_cache" "$magpie" scan -q "$tree" >/dev/null 2>&1 || true
  warm=()
  for _ in $(seq 1 "$RUNS"); do
    warm+=("$(MAGPIE_CACHE_DIR="$warm_cache" time_ms "$magpie" scan -q "$tree")")
  done
  rm -rf "$warm_cache"
  printf '%s\n  empty cache: median %s ms (%s)\n  warm cache:  median %s ms\n' "$magpie" \
    "$(printf '%s\n' "${cold[@]}" | median)" "${cold[*]}" "$(printf '%s\n' "${warm[@]}" | median)"
done
