#!/usr/bin/env bash
# Latency of `magpie staged` as the pre-commit hook sees it: one changed file staged in a
# repository of FILES tracked files (default 4,800, git/git's size), warm database cache, the
# median of RUNS runs. Several binaries are interleaved (A, B, A, B, ...) so that machine noise
# hits them alike. The repository is generated (no download) and reused between calls.
#
# Usage: bench/staged_latency.sh [--runs N] [--files N] [--repo DIR] BIN [BIN...]
#   e.g. bench/staged_latency.sh /work/main/build/cli/magpie build/cli/magpie
# Prints one line for `git diff --cached` (the floor, timed in the same interleaved rounds) and one
# per binary: median wall time, median CPU time (user + system), their ratios to the floor, the
# minor page faults of one more run (GNU time, /usr/bin/time; "-" without it), BIN. Page faults
# were most of a run's CPU time on a virtual machine (~15 us each): README.md, "Staged hook
# latency".
set -euo pipefail

runs=31 files=4800 repo=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    --*) echo "staged_latency.sh: unknown argument: $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "staged_latency.sh: name at least one magpie binary" >&2; exit 2; }
bins=()
for bin in "$@"; do bins+=("$(realpath "$bin")"); done  # runs happen in the repository
set -- "${bins[@]}"
repo="${repo:-/tmp/magpie-bench-staged-$files}"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export MAGPIE_CACHE_DIR="${MAGPIE_CACHE_DIR:-/tmp/magpie-bench-staged-cache}"

if [[ ! -f "$repo/.git/index" ]]; then
  rm -rf "$repo" && mkdir -p "$repo"
  python3 - "$repo" "$files" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "dir%03d" % (i % 120), "sub%d" % (i % 7))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "file%05d.c" % i), "w") as f:
        for line in range(60):
            f.write("static int value_%d_%d = %d; /* generated line of text */\n" % (i, line, i * line))
PY
  git -C "$repo" init -q -b main
  git -C "$repo" add -A
  git -C "$repo" -c user.name=b -c user.email=b@e commit -q -m base
fi
# One changed file, staged.
target="$repo/dir007/sub0/file00007.c"
git -C "$repo" checkout -q -- "$target"
echo "int added_by_bench = 1;" >>"$target"
git -C "$repo" add "$target"

# "<wall ms> <cpu ms>" of one `BIN staged` in the repository. CPU time (user + system) is
# printed too: on a shared, loaded machine the wall time mostly measures waiting for a core.
# FLOOR names git's own `git diff --cached`, the least a pre-commit check can do.
readonly FLOOR="git diff --cached"
ms() {
  local rc=0 out TIMEFORMAT='%3R %3U %3S'
  out=$(mktemp)
  if [[ "$1" == "$FLOOR" ]]; then
    { time (cd "$repo" && git diff --cached >/dev/null 2>&1) ; } 2>"$out" || rc=$?
  else
    { time (cd "$repo" && "$1" staged >/dev/null 2>&1) ; } 2>"$out" || rc=$?
  fi
  [[ $rc -le 1 ]] || { echo "staged_latency.sh: $1 staged failed (exit $rc)" >&2; exit 2; }
  awk '{printf "%.1f:%.1f\n", $1 * 1000, ($2 + $3) * 1000}' "$out"
  rm -f "$out"
}

# Minor page faults of one untimed `BIN staged` ("-" without GNU time: its %U/%S and %e have a
# resolution of 10 ms, too coarse for the timed runs, which use bash's `time`).
faults() {
  local out
  /usr/bin/time -f '%R' true >/dev/null 2>&1 || { echo "-"; return; }
  out=$(mktemp)
  if [[ "$1" == "$FLOOR" ]]; then
    (cd "$repo" && /usr/bin/time -o "$out" -f '%R' git diff --cached >/dev/null 2>&1) || true
  else
    (cd "$repo" && /usr/bin/time -o "$out" -f '%R' "$1" staged >/dev/null 2>&1) || true
  fi
  tail -1 "$out"
  rm -f "$out"
}

declare -A times
set -- "$FLOOR" "$@"
for bin in "$@"; do ms "$bin" >/dev/null; done  # warm the cache and the page cache
for ((r = 0; r < runs; r++)); do
  for bin in "$@"; do times[$bin]+="$(ms "$bin") "; done
done
median() { sort -n | awk '{v[NR]=$1} END {printf "%7.1f", v[int((NR+1)/2)]}'; }
floor_wall="" floor_cpu=""
echo "staged check, one changed file, $(git -C "$repo" ls-files | wc -l) tracked files, $runs interleaved runs"
for bin in "$@"; do
  wall=$(tr ' ' '\n' <<<"${times[$bin]}" | grep . | cut -d: -f1 | median)
  cpu=$(tr ' ' '\n' <<<"${times[$bin]}" | grep . | cut -d: -f2 | median)
  if [[ -z "$floor_wall" ]]; then floor_wall=$wall floor_cpu=$cpu; fi
  ratio=$(awk -v w="$wall" -v f="$floor_wall" -v c="$cpu" -v g="$floor_cpu" \
    'BEGIN {printf "%5.1fx wall %5.1fx cpu", (f > 0 ? w / f : 0), (g > 0 ? c / g : 0)}')
  echo "$wall ms wall (median)  $cpu ms cpu (median)  $ratio of $FLOOR  $(faults "$bin") faults  $bin"
done
git -C "$repo" reset -q && git -C "$repo" checkout -q -- "$target"
