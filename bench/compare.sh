#!/usr/bin/env bash
# Same-run comparison of two magpie builds (e.g. before and after a change), against the
# floors of the same inputs, with the runs interleaved (A, B, floor, A, B, floor, ...) so that
# machine noise hits all of them alike. Prints medians and the ratios B/A and X/floor.
#
# Usage: bench/compare.sh --before BIN --after BIN [--dir DIR] [--repo REPO] [--runs N] [-j N]
#   --dir DIR    directory scan: `magpie scan DIR` vs `cat` of every file (default: the tree
#                bench/e2e.sh builds, /tmp/magpie-bench-tree)
#   --repo REPO  history scan: `magpie git REPO` vs
#                `git cat-file --batch-all-objects --batch --unordered` (skipped when not given)
#   --runs N     timed runs of each command (default 7), after one warm-up each
set -euo pipefail
export MAGPIE_STORE=off  # full scans: a scan store would skip what the last run found clean

before="" after="" dir=/tmp/magpie-bench-tree repo="" runs=7 jobs=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --before) before="$2"; shift 2 ;;
    --after) after="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -j) jobs="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -x "$before" && -x "$after" ]] || { echo "compare.sh: --before and --after BIN needed" >&2; exit 2; }
[[ -d "$dir" ]] || bash "$(dirname "$0")/e2e.sh" >/dev/null  # builds the default tree once

# Seconds of wall time of one run of the shell command $1 (output discarded).
wall() {
  local start end
  start=$(date +%s.%N)
  bash -c "$1" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2);
  if (NR % 2) print v[m]; else print (v[m] + v[m + 1]) / 2 }'; }

# Interleaves the named commands, RUNS rounds after a warm-up round; prints "NAME MEDIAN".
compare() {
  local -n names_ref=$1 cmds_ref=$2
  local -A times=()
  for i in "${!cmds_ref[@]}"; do wall "${cmds_ref[$i]}" >/dev/null; done
  for ((r = 0; r < runs; r++)); do
    for i in "${!cmds_ref[@]}"; do times[$i]+="$(wall "${cmds_ref[$i]}") "; done
  done
  for i in "${!cmds_ref[@]}"; do
    echo "${names_ref[$i]} $(tr ' ' '\n' <<<"${times[$i]}" | grep . | median)"
  done
}

report() {
  local title="$1"; shift
  local floor a b
  echo "$title ($runs interleaved runs, medians)"
  while read -r name t; do
    case "$name" in floor) floor=$t ;; before) a=$t ;; after) b=$t ;; esac
    printf '  %-8s %8.3f s\n' "$name" "$t"
  done
  printf '  before/floor %.3f   after/floor %.3f   after/before %.3f\n' \
    "$(echo "$a / $floor" | bc -l)" "$(echo "$b / $floor" | bc -l)" "$(echo "$b / $a" | bc -l)"
}

q() { printf '%q' "$1"; }
names=(floor before after)
cmds=("find $(q "$dir") -type f -print0 | xargs -0 cat"
      "$(q "$before") scan $(q "$dir") -q -f json -o /dev/null -j $jobs"
      "$(q "$after") scan $(q "$dir") -q -f json -o /dev/null -j $jobs")
compare names cmds | report "directory scan of $dir"

if [[ -n "$repo" ]]; then
  cmds=("git -C $(q "$repo") cat-file --batch-all-objects --batch --unordered"
        "$(q "$before") git $(q "$repo") -q -f jsonl -j $jobs"
        "$(q "$after") git $(q "$repo") -q -f jsonl -j $jobs")
  compare names cmds | report "history scan of $repo"
fi
