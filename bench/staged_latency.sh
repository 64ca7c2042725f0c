#!/usr/bin/env bash
# Latency of `magpie staged` as the pre-commit hook sees it: one changed file staged in a
# repository of FILES tracked files (default 4,800, git/git's size), warm database cache, the
# median of RUNS runs. Several binaries are interleaved (A, B, A, B, ...) so that machine noise
# hits them alike. The repository is generated (no download) and reused between calls, or
# --repo names a work tree of your own (e.g. a clone of git/git; it must be clean: the script
# appends a line to --file, stages it, and resets both at the end).
#
# Usage: bench/staged_latency.sh [--runs N] [--files N] [--repo DIR] [--file PATH] BIN [BIN...]
#   e.g. bench/staged_latency.sh /work/main/build/cli/magpie build/cli/magpie
#        bench/staged_latency.sh --repo /tmp/git-clone --file diff.c build/cli/magpie
# Each round times, in order: `git diff --cached` (the floor), then per binary `BIN --version`
# (the process start: loader, static initialisers, flag parsing) and `BIN staged`. Prints one
# line per command: median wall time, median CPU time (user + system), the minor page faults
# of one more run (GNU time, /usr/bin/time; "-" without it); and per binary the ratios of
# `staged` to the floor and to its own `--version`, which compare across machines better than
# milliseconds (issue 13 gives a reference machine's floors as these two). Page faults were
# most of a run's CPU time on a virtual machine (~15 us each): README.md, "Staged hook latency".
set -euo pipefail

runs=31 files=4800 repo="" file=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
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
# One changed file, staged: the given one, in a generated repository a fixed one, else the
# middle one of the tracked C files.
if [[ -z "$file" ]]; then
  file=dir007/sub0/file00007.c
  if [[ ! -f "$repo/$file" ]]; then
    file=$(git -C "$repo" ls-files -- '*.c' | awk '{f[NR]=$0} END {print f[int((NR+1)/2)]}')
  fi
fi
[[ -n "$file" && -f "$repo/$file" ]] || { echo "staged_latency.sh: no file to change" >&2; exit 2; }
[[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ]] ||
  { echo "staged_latency.sh: $repo has changes; give a clean work tree" >&2; exit 2; }
target="$repo/$file"
echo "int added_by_bench = 1;" >>"$target"
git -C "$repo" add -- "$target"
trap 'git -C "$repo" reset -q -- "$target" && git -C "$repo" checkout -q -- "$target"' EXIT

# run_cmd CMD [PREFIX...]: one run of CMD, "floor" (`git diff --cached`) or "BIN ARG" (ARG:
# staged or --version), in the repository, behind PREFIX (GNU time for the fault count).
readonly FLOOR="floor"
run_cmd() {
  local c="$1"
  shift
  if [[ "$c" == "$FLOOR" ]]; then
    (cd "$repo" && "$@" git diff --cached >/dev/null 2>&1)
  else
    (cd "$repo" && "$@" "${c% *}" "${c##* }" >/dev/null 2>&1)
  fi
}

# "<wall ms>:<cpu ms>" of one run. CPU time (user + system) is printed too: on a shared, loaded
# machine the wall time mostly measures waiting for a core.
ms() {
  local rc=0 out TIMEFORMAT='%3R %3U %3S'
  out=$(mktemp)
  { time run_cmd "$1" ; } 2>"$out" || rc=$?
  [[ $rc -le 1 ]] || { echo "staged_latency.sh: $1 failed (exit $rc)" >&2; exit 2; }
  awk '{printf "%.1f:%.1f\n", $1 * 1000, ($2 + $3) * 1000}' "$out"
  rm -f "$out"
}

# Minor page faults of one untimed run ("-" without GNU time: its %U/%S and %e have a
# resolution of 10 ms, too coarse for the timed runs, which use bash's `time`).
faults() {
  local out
  /usr/bin/time -f '%R' true >/dev/null 2>&1 || { echo "-"; return; }
  out=$(mktemp)
  run_cmd "$1" /usr/bin/time -o "$out" -f '%R' || true
  tail -1 "$out"
  rm -f "$out"
}

cmds=("$FLOOR")
for bin in "$@"; do cmds+=("$bin --version" "$bin staged"); done
declare -A times
for c in "${cmds[@]}"; do ms "$c" >/dev/null; done  # warm the cache and the page cache
for ((r = 0; r < runs; r++)); do
  for c in "${cmds[@]}"; do times[$c]+="$(ms "$c") "; done
done
median() { sort -n | awk '{v[NR]=$1} END {printf "%.1f", v[int((NR+1)/2)]}'; }
declare -A wall cpu
for c in "${cmds[@]}"; do
  wall[$c]=$(tr ' ' '\n' <<<"${times[$c]}" | grep . | cut -d: -f1 | median)
  cpu[$c]=$(tr ' ' '\n' <<<"${times[$c]}" | grep . | cut -d: -f2 | median)
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", (b > 0 ? a / b : 0)}'; }
echo "staged check, one changed file ($file), $(git -C "$repo" ls-files | wc -l) tracked files," \
  "$runs interleaved runs; medians"
printf '%9s %9s %7s  %s\n' wall cpu faults command
for c in "${cmds[@]}"; do
  name="$c"
  [[ "$c" == "$FLOOR" ]] && name="git diff --cached (floor)"
  printf '%6s ms %6s ms %7s  %s\n' "${wall[$c]}" "${cpu[$c]}" "$(faults "$c")" "$name"
done
for bin in "$@"; do
  s="$bin staged" v="$bin --version"
  echo "staged / git diff --cached: $(ratio "${wall[$s]}" "${wall[$FLOOR]}") wall" \
    "$(ratio "${cpu[$s]}" "${cpu[$FLOOR]}") cpu;" \
    "staged / --version: $(ratio "${wall[$s]}" "${wall[$v]}") wall" \
    "$(ratio "${cpu[$s]}" "${cpu[$v]}") cpu  $bin"
done
