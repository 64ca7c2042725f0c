#!/usr/bin/env bash
# Issue 13 §3 on a real repository: `magpie git` on one machine against N shards merged
# (`magpie git --shard I/N` each, then `magpie merge`), for each N and format, compared field
# by field: every finding with its present_in, the suppressed list, the summary (all but
# elapsed_seconds), the diagnostics and the exit code. Prints the wall time of the whole run
# and of each shard, and the first differences when there are any.
#
# Usage: bench/shard_equivalence.sh --repo PATH [--shards "2 3"] [--formats "json sarif"]
#                                   [--magpie BIN] [--work DIR] [-- EXTRA MAGPIE FLAGS]
#   e.g. bench/shard_equivalence.sh --repo /tmp/curl.git  (a clone of curl's mirror)
# Exit status: 0 when every merged report equals the one-machine report, 1 otherwise.
set -euo pipefail
export MAGPIE_STORE=off  # full scans: a scan store would make the runs differ in what they read

here="$(cd "$(dirname "$0")/.." && pwd)"
repo=""
shards="2 3"
formats="json sarif"
magpie="$here/build/cli/magpie"
work="/tmp/magpie-shard-equivalence"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --shards) shards="$2"; shift 2 ;;
    --formats) formats="$2"; shift 2 ;;
    --magpie) magpie="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$repo" ]] || { echo "usage: $0 --repo PATH [--shards \"2 3\"] ..." >&2; exit 2; }
mkdir -p "$work"

now() { date +%s.%N; }
# Runs magpie, keeping its exit status (0 or 1 expected) in $rc.
run() { set +e; "$magpie" "$@"; rc=$?; set -e; }

status=0
for format in $formats; do
  start=$(now)
  run git "$repo" -q -f "$format" "${extra[@]}" -o "$work/whole.$format"
  whole_rc=$rc
  printf '%-5s one machine: exit %d, %.1f s\n' "$format" "$whole_rc" "$(echo "$(now) - $start" | bc)"
  for n in $shards; do
    files=()
    times=""
    for ((i = 0; i < n; i++)); do
      start=$(now)
      run git "$repo" -q -f "$format" "${extra[@]}" --shard "$i/$n" -o "$work/shard$i.$format"
      times+=" $(printf '%.1f' "$(echo "$(now) - $start" | bc)")"
      files+=("$work/shard$i.$format")
    done
    run merge -q "${files[@]}" -o "$work/merged.$format"
    merged_rc=$rc
    if python3 - "$work/whole.$format" "$work/merged.$format" <<'EOF'
import json, sys
def load(path):
    doc = json.load(open(path))
    summary = doc["runs"][0]["invocations"][0]["properties"]["summary"] if "runs" in doc else doc["summary"]
    summary.pop("elapsed_seconds", None)
    return doc
whole, merged = load(sys.argv[1]), load(sys.argv[2])
if whole == merged:
    sys.exit(0)
def diff(a, b, where, out):
    if len(out) >= 10: return
    if type(a) != type(b): out.append(f"{where}: {json.dumps(a)[:160]} != {json.dumps(b)[:160]}")
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)): diff(a.get(k), b.get(k), f"{where}.{k}", out)
    elif isinstance(a, list):
        if len(a) != len(b): out.append(f"{where}: {len(a)} items != {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)): diff(x, y, f"{where}[{i}]", out)
    elif a != b: out.append(f"{where}: {json.dumps(a)[:160]} != {json.dumps(b)[:160]}")
out = []
diff(whole, merged, "", out)
print("\n".join("  one machine vs merged" + line for line in out))
sys.exit(1)
EOF
    then
      same=yes
    else
      same=no
      status=1
    fi
    [[ "$merged_rc" == "$whole_rc" ]] || { same=no; status=1; echo "  exit $merged_rc != $whole_rc"; }
    printf '%-5s %d shards: equal: %s (shards:%s s)\n' "$format" "$n" "$same" "$times"
  done
done
exit $status
