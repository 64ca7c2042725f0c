#!/usr/bin/env bash
# End-to-end directory scan benchmark: `magpie scan DIR` against the floor of reading the same
# files (`cat` of every file), measured in the same run, warm page cache. See bench/README.md.
#
# Usage: bench/e2e.sh [DIR]
#   DIR defaults to /tmp/magpie-bench-tree, built once from /usr/include and
#   /usr/lib/python3.11 (without __pycache__, *.so, *.a, *.o: text only, so that cat and magpie
#   read the same bytes).
# Environment:
#   MAGPIE   the magpie executable (default: the newest build*/cli/magpie of this checkout,
#            else `magpie` on PATH)
#   RUNS     timed runs per command (default 5), after one untimed warm-up run
#   JOBS     magpie -j (default 2)
set -euo pipefail

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

# "MEDIAN_WALL MEDIAN_CPU" of RUNS runs of "$@" after one warm-up run (max_ok: time_once).
# With hyperfine the CPU figure is its mean user + system time.
measure() {
  local max_ok="$1"; shift
  if command -v hyperfine >/dev/null; then
    local json; json="$(mktemp)"
    # -i: magpie exits 1 when it finds secrets, gitleaks likewise.
    hyperfine --style none --warmup 1 --runs "$RUNS" -i --export-json "$json" \
      "$(printf '%q ' "$@")" >/dev/null
    python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]
print(r["median"], r["user"] + r["system"])' "$json"
    rm -f "$json"
    return
  fi
  time_once "$max_ok" "$@" >/dev/null
  local runs; runs="$(for ((i = 0; i < RUNS; i++)); do time_once "$max_ok" "$@"; done)"
  echo "$(cut -d' ' -f1 <<<"$runs" | median) $(cut -d' ' -f2 <<<"$runs" | median)"
}

# The floor: read every file once, as a scanner must (a few processes, page cache warm).
readonly CAT_ALL='find "$1" -type f -print0 | xargs -0 cat >/dev/null'

main() {
  local dir="${1:-}"
  if [[ -z "$dir" ]]; then build_default_tree; dir="$DEFAULT_TREE"; fi
  [[ -d "$dir" ]] || die "not a directory: $dir"
  command -v bc >/dev/null || die "bc is needed for timing"
  local magpie; magpie="$(find_magpie)"
  local bytes files
  bytes="$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
  files="$(find "$dir" -type f | wc -l)"
  local mb; mb="$(echo "$bytes / 1000000" | bc -l)"

  local -a names=() secs=()
  names+=("cat (floor)"); secs+=("$(measure 0 bash -c "$CAT_ALL" _ "$dir")")
  names+=("magpie -j $JOBS")
  secs+=("$(measure 1 "$magpie" scan "$dir" -q -f json -o /dev/null -j "$JOBS")")
  if command -v gitleaks >/dev/null; then
    names+=("gitleaks")
    if gitleaks dir --help >/dev/null 2>&1; then
      secs+=("$(measure 1 gitleaks dir "$dir" --no-banner --log-level error \
        --report-path /dev/null)")
    else
      secs+=("$(measure 1 gitleaks detect --no-git --source "$dir" --no-banner --log-level error \
        --report-path /dev/null)")
    fi
  fi

  printf '%s: %s files, %.1f MB; %s runs each after a warm-up (%s); magpie %s\n' \
    "$dir" "$files" "$mb" "$RUNS" \
    "$(command -v hyperfine >/dev/null && echo hyperfine || echo bash time)" \
    "$("$magpie" --version 2>/dev/null | tr -d '\n' || echo "$magpie")"
  printf '%-16s %8s %8s %7s %8s %7s\n' "command" "wall s" "MB/s" "x cat" "cpu s" "x cat"
  local floor_wall floor_cpu wall cpu
  read -r floor_wall floor_cpu <<<"${secs[0]}"
  for i in "${!names[@]}"; do
    read -r wall cpu <<<"${secs[$i]}"
    printf '%-16s %8.3f %8.1f %7.2f %8.3f %7.2f\n' "${names[$i]}" "$wall" \
      "$(echo "$mb / $wall" | bc -l)" "$(echo "$wall / $floor_wall" | bc -l)" \
      "$cpu" "$(echo "$cpu / $floor_cpu" | bc -l)"
  done
  echo "(medians; wall = elapsed time, cpu = user + system; x cat = ratio to the floor)"
}

main "$@"
