#!/usr/bin/env bash
# End-to-end directory scan benchmark: `magpie scan DIR` against the floor of reading the same
# files (`cat` of every file), measured in the same run, warm page cache. See bench/README.md.
#
# Usage: bench/e2e.sh [DIR...] [--repo REPO...]
#   DIR defaults to /tmp/magpie-bench-tree, built once from /usr/include and
#   /usr/lib/python3.11 (without __pycache__, *.so, *.a, *.o: text only, so that cat and magpie
#   read the same bytes).
#   --repo REPO: a source tree, REPO's HEAD (a clone or bare mirror, e.g. of git/git or curl)
#   exported once to /tmp/magpie-bench-<name>: thousands of distinct source files, each magpie
#   run a cold process (issue 13's case: RE2 state built per new text, -j 2 vs -j 1).
# Prints, per directory, cat (the floor), magpie -j 1 and -j JOBS (and gitleaks when on PATH):
# median wall and user+system CPU, their ratios to cat, and the speed-up of -j JOBS over -j 1.
# Environment:
#   MAGPIE   the magpie executable (default: the newest build*/cli/magpie of this checkout,
#            else `magpie` on PATH)
#   RUNS     interleaved timed rounds (default 5), after one untimed warm-up round
#   JOBS     magpie -j (default 2)
set -euo pipefail
export MAGPIE_STORE=off  # full scans: a scan store would skip what the last run found clean

readonly REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly DEFAULT_TREE=/tmp/magpie-bench-tree
readonly RUNS="${RUNS:-5}"
readonly JOBS="${JOBS:-2}"

die() { echo "e2e.sh: $*" >&2; exit 2; }

find_magpie() {
  if [[ -n "${MAGPIE:-}" ]]; then echo "$MAGPIE"; return; fi
  local newest
  newest="$(ls -t "$REPO"/build*/cli/magpie 2>/dev/null | head -n 1 || true)"
  if [[ -n "$newest" ]]; then echo "$newest"; return; fi
  command -v magpie || die "no magpie executable: build it or set MAGPIE"
}

build_default_tree() {
  [[ -d "$DEFAULT_TREE" ]] && return
  echo "building $DEFAULT_TREE (once)..." >&2
  local staging="$DEFAULT_TREE.tmp.$$"
  mkdir -p "$staging"
  tar -C / --exclude=__pycache__ --exclude='*.so' --exclude='*.a' --exclude='*.o' \
    -cf - usr/include usr/lib/python3.11 2>/dev/null \
    | tar -C "$staging" -xf -
  mv "$staging" "$DEFAULT_TREE"
}

# One run of "$@", stdout discarded: prints "WALL CPU" in seconds (CPU = user + system of
# the command and its children). Exit codes above `max_ok` abort.
time_once() {
  local max_ok="$1"; shift
  local rc=0 times
  times="$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1 || rc=$?; } 2>&1 )"
  (( rc <= max_ok )) || die "'$*' failed with exit code $rc"
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$times"
}

median() { sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2);
  if (NR % 2) print v[m]; else print (v[m] + v[m + 1]) / 2 }'; }

# The floor: read every file once, as a scanner must (a few processes, page cache warm).
readonly CAT_ALL='find "$1" -type f -print0 | xargs -0 cat >/dev/null'

# A checked-out tree of REPO's HEAD (a bare mirror or a work tree), exported once to
# /tmp/magpie-bench-<name> without .git, so that magpie and cat read the same files.
export_tree() {
  local repo="$1" name dest
  name="$(basename "${repo%/}")"; name="${name%.git}"
  [[ "$name" == repo ]] && name="$(basename "$(dirname "${repo%/}")")"
  name="${name##*+}"  # a mirror directory named owner+name
  dest="/tmp/magpie-bench-$name"
  if [[ ! -d "$dest" ]]; then
    echo "exporting $repo HEAD to $dest (once)..." >&2
    mkdir -p "$dest.tmp.$$"
    git -C "$repo" archive HEAD | tar -x -C "$dest.tmp.$$"
    mv "$dest.tmp.$$" "$dest"
  fi
  echo "$dest"
}

# One directory: the floor and each command interleaved (floor, -j1, -jJOBS, gitleaks, floor,
# ...) for RUNS rounds after one warm-up round, so that a busy machine's noise hits them alike.
# Every magpie run is a new process over thousands of distinct files: RE2's lazily built DFA
# states and every other per-process cache start cold, as in real use (the page cache is warm
# for all of them alike).
bench_dir() {
  local dir="$1" magpie="$2"
  local bytes files mb
  bytes="$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
  files="$(find "$dir" -type f | wc -l)"
  mb="$(echo "$bytes / 1000000" | bc -l)"
  local -a names=("cat (floor)" "magpie -j 1" "magpie -j $JOBS")
  local -a cmds=("$(printf 'bash -c %q _ %q' "$CAT_ALL" "$dir")"
                 "$(printf '%q scan %q -q -f json -o /dev/null -j 1' "$magpie" "$dir")"
                 "$(printf '%q scan %q -q -f json -o /dev/null -j %q' "$magpie" "$dir" "$JOBS")")
  local -a max_ok=(0 1 1)
  if command -v gitleaks >/dev/null; then
    names+=("gitleaks")
    if gitleaks dir --help >/dev/null 2>&1; then
      cmds+=("$(printf 'gitleaks dir %q --no-banner --log-level error --report-path /dev/null' "$dir")")
    else
      cmds+=("$(printf 'gitleaks detect --no-git --source %q --no-banner --log-level error --report-path /dev/null' "$dir")")
    fi
    max_ok+=(1)
  fi
  local -a walls=() cpus=()
  local i r t
  for i in "${!cmds[@]}"; do time_once "${max_ok[$i]}" bash -c "${cmds[$i]}" >/dev/null; done
  for ((r = 0; r < RUNS; r++)); do
    for i in "${!cmds[@]}"; do
      t="$(time_once "${max_ok[$i]}" bash -c "${cmds[$i]}")"
      walls[$i]+="${t% *} "; cpus[$i]+="${t#* } "
    done
  done
  printf '%s: %s files, %.1f MB; %s interleaved runs each after a warm-up; magpie %s\n' \
    "$dir" "$files" "$mb" "$RUNS" "$("$magpie" --version 2>/dev/null | tr -d '\n' || echo "$magpie")"
  printf '%-16s %8s %8s %7s %8s %7s\n' "command" "wall s" "MB/s" "x cat" "cpu s" "x cat"
  local -a wall_med=() cpu_med=()
  for i in "${!cmds[@]}"; do
    wall_med[$i]="$(tr ' ' '\n' <<<"${walls[$i]}" | grep . | median)"
    cpu_med[$i]="$(tr ' ' '\n' <<<"${cpus[$i]}" | grep . | median)"
  done
  for i in "${!cmds[@]}"; do
    printf '%-16s %8.3f %8.1f %7.2f %8.3f %7.2f\n' "${names[$i]}" "${wall_med[$i]}" \
      "$(echo "$mb / ${wall_med[$i]}" | bc -l)" "$(echo "${wall_med[$i]} / ${wall_med[0]}" | bc -l)" \
      "${cpu_med[$i]}" "$(echo "${cpu_med[$i]} / ${cpu_med[0]}" | bc -l)"
  done
  printf 'speed-up of -j %s over -j 1: %.2fx wall\n' "$JOBS" \
    "$(echo "${wall_med[1]} / ${wall_med[2]}" | bc -l)"
  echo "(medians; wall = elapsed time, cpu = user + system; x cat = ratio to the floor)"
}

main() {
  local -a dirs=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --repo) dirs+=("$(export_tree "$2")"); shift 2 ;;
      -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
      *) dirs+=("$1"); shift ;;
    esac
  done
  if [[ ${#dirs[@]} -eq 0 ]]; then build_default_tree; dirs=("$DEFAULT_TREE"); fi
  command -v bc >/dev/null || die "bc is needed for timing"
  local magpie dir; magpie="$(find_magpie)"
  for dir in "${dirs[@]}"; do
    [[ -d "$dir" ]] || die "not a directory: $dir"
    bench_dir "$dir" "$magpie"
  done
}

main "$@"
