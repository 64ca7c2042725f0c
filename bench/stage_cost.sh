#!/usr/bin/env bash
# The Hyperscan stage counted, not timed (issue 12): for each rules file (none: the rules
# embedded in the build), stage_cost compiles the scanner's database for a generic CPU, then
# callgrind counts one hs_scan of the bench corpus: instructions (Ir), mispredicted conditional
# and indirect branches (Bcm, Bim), and cost = Ir + 40 x (Bcm + Bim), a proxy for cycles.
# The counts do not depend on the machine's load, so two rule sets compare on a busy machine.
#
#   bench/stage_cost.sh [RULES.yaml ...]
#   STAGE_COST=build-bench/bench/stage_cost MAGPIE_BENCH_CORPUS_MB=4 bench/stage_cost.sh
# Needs valgrind (apt-get install valgrind). bench/README.md says how to read the numbers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${STAGE_COST:-$root/build-bench/bench/stage_cost}"
export MAGPIE_BENCH_CORPUS_MB="${MAGPIE_BENCH_CORPUS_MB:-4}"
command -v valgrind >/dev/null || { echo "stage_cost.sh: valgrind is not installed" >&2; exit 2; }
[ -x "$bin" ] || { echo "stage_cost.sh: build $bin first (bench/README.md)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- ""
printf '%-10s %-10s %-9s %-9s %-8s %s\n' "cost M" "Ir M" "Bcm" "Bim" "reports" "rules"
for rules in "$@"; do
  MAGPIE_BENCH_RULES="$rules" "$bin" compile "$work/db" 2>"$work/compile.log" ||
    { cat "$work/compile.log" >&2; exit 2; }
  valgrind --tool=callgrind --branch-sim=yes --callgrind-out-file=/dev/null \
    --toggle-collect=ScanOnce "$bin" scan "$work/db" >"$work/scan.out" 2>"$work/scan.log" ||
    { cat "$work/scan.log" >&2; exit 2; }
  # "==PID== Collected : Ir Bc Bcm Bi Bim" with --branch-sim=yes and no cache simulation.
  read -r ir bcm bim < <(awk '/Collected :/ {print $4, $6, $8}' "$work/scan.log")
  reports="$(awk '/^reports:/ {print $2}' "$work/scan.out")"
  awk -v ir="$ir" -v bcm="$bcm" -v bim="$bim" -v rep="$reports" -v name="${rules:-built-in}" \
    'BEGIN { printf "%-10.1f %-10.1f %-9d %-9d %-8d %s\n", (ir + 40 * (bcm + bim)) / 1e6,
             ir / 1e6, bcm, bim, rep, name }'
done
grep '^corpus:' "$work/scan.out" || true
