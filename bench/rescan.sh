#!/usr/bin/env bash
# Incremental rescan with the scan store (issue 13 §2): `magpie git REPO --store S` after N new
# commits, S filled by a scan of the repository before them, against
#   floor:  what any incremental scanner must do at least: list the new commits' objects and
#           read them (`git rev-list --objects --all --not OLD_TIPS | git cat-file --batch`);
#   full:   the same scan with --no-store (every blob again).
# Runs are interleaved (floor, rescan, full, ...); before each rescan the store is restored to
# its state before the new commits, so every timed rescan does the same work. It prints median
# wall and user+sys CPU and same-run ratios (medians of per-run ratios), and checks that the
# rescan's JSON report equals the full scan's (it must: the store only ever saves work).
#
# Usage: bench/rescan.sh --repo BARE_REPO [--commits N] [--runs N] [--magpie BIN] [--work DIR]
#                        [--cpus LIST]
#   --repo     a bare repository or mirror (copied once with `git clone --mirror`, hard links,
#              or, where its packs are symbolic links, a copy of its refs linking the same
#              packs: the original is never written)
#   --commits  new commits added to a branch `bench-rescan` (default 10), each changing one
#              existing file of HEAD's tree
#   --runs     timed runs of each command (default 3)
#   --work     where the copy, the store and the reports live (default /tmp/magpie-rescan-bench)
#   --cpus     run every measured command under `taskset -c LIST` (e.g. 0,1)
set -euo pipefail

repo="" commits=10 runs=3 magpie="" work=/tmp/magpie-rescan-bench cpus=""
here="$(cd "$(dirname "$0")/.." && pwd)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --commits) commits="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --magpie) magpie="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$repo" ]] || { echo "--repo is required" >&2; exit 2; }
if [[ -z "$magpie" ]]; then
  for candidate in "$here"/build*/cli/magpie; do
    [[ -x "$candidate" ]] && { magpie="$candidate"; break; }
  done
fi
[[ -x "$magpie" ]] || { echo "magpie binary not found; pass --magpie BIN" >&2; exit 2; }
unset MAGPIE_STORE

mkdir -p "$work"
copy="$work/$(basename "${repo%/}" .git).git"
store="$work/store/scans.sqlite"
if [[ ! -d "$copy" ]]; then
  if ! git clone -q --mirror "$repo" "$copy" 2>/dev/null; then
    # `clone --local` refuses a repository whose packs are symbolic links (the branches-and-tags
    # repositories of bench/README.md): link the same packs and copy the refs instead. New
    # commits are written as loose objects into the copy; the linked packs are only read.
    rm -rf "$copy"
    git init -q --bare "$copy"
    for f in "$repo"/objects/pack/*; do ln -s "$(readlink -f "$f")" "$copy/objects/pack/"; done
    cp -r "$repo/refs/." "$copy/refs/"
    [[ -f "$repo/packed-refs" ]] && cp "$repo/packed-refs" "$copy/packed-refs"
    cp "$repo/HEAD" "$copy/HEAD"
  fi
fi
git -C "$copy" update-ref -d refs/heads/bench-rescan 2>/dev/null || true
old_tips=$(git -C "$copy" for-each-ref --format='%(objectname)' | sort -u)

# The store as a scan of every ref before the new commits leaves it.
rm -rf "$work/store" "$work/store.before"
mkdir -p "$work/store"
"$magpie" git "$copy" -q --format jsonl --store "$store" > /dev/null 2>&1 || true
cp -a "$work/store" "$work/store.before"

# N commits on a new branch from HEAD, each appending a line to one file of HEAD's tree.
base=$(git -C "$copy" rev-parse HEAD)
mapfile -t files < <(git -C "$copy" ls-tree -r --name-only HEAD | head -n "$commits")
GIT_DIR="$copy" python3 - "$base" "$commits" "${files[@]}" <<'PY' | git -C "$copy" fast-import --quiet
import subprocess, sys
base, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
out = sys.stdout.buffer
for i in range(n):
    path = files[i % len(files)]
    data = subprocess.run(["git", "cat-file", "blob", f"{base}:{path}"], capture_output=True,
                          check=True).stdout + b"rescan bench line %d\n" % i
    out.write(b"commit refs/heads/bench-rescan\n")
    out.write(b"committer Bench <bench@example.com> %d +0000\n" % (2000000000 + i))
    msg = b"rescan bench %d\n" % i
    out.write(b"data %d\n%s" % (len(msg), msg))
    if i == 0:
        out.write(b"from %s\n" % base.encode())
    out.write(b"M 100644 inline %s\ndata %d\n%s\n\n" % (path.encode(), len(data), data))
PY
new_objects=$(printf '^%s\n' $old_tips | git -C "$copy" rev-list --objects --all --stdin | wc -l)

measure_once() {  # appends "wall user+sys" of one run of $1 to file $2
  /usr/bin/time -f "%e %U %S" -o "$work/time.out" ${cpus:+taskset -c "$cpus"} \
    bash -c "$1 >/dev/null 2>&1" || true
  tail -1 "$work/time.out" | awk '{printf "%s %.2f\n", $1, $2 + $3}' >> "$2"
}
median() {
  awk -v c="$2" '{print $c}' "$1" | sort -g |
    awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}
paired_ratio() {  # median of per-run ratios column $2 of $1 / column $3 of $4
  paste "$1" "$4" | awk -v a="$2" -v b="$(( $3 + 2 ))" '{print ($b > 0) ? $a / $b : 0}' |
    sort -g | awk '{a[NR]=$1} END{printf "%.2f", (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}
restore() { rm -rf "$work/store" && cp -a "$work/store.before" "$work/store"; }

# The old tips on stdin, not as arguments: a mirror has thousands of refs.
printf '^%s\n' $old_tips > "$work/old-tips"
floor_cmd="git -C '$copy' rev-list --objects --all --stdin < '$work/old-tips' | cut -d' ' -f1 | git -C '$copy' cat-file --batch"
rescan_cmd="'$magpie' git '$copy' -q --format jsonl --store '$store'"
full_cmd="'$magpie' git '$copy' -q --format jsonl --no-store"

# Equivalence first (this is also the warm-up): the rescan reports what a full scan reports.
restore
bash -c "'$magpie' git '$copy' --format json --store '$store'" > "$work/rescan.json" 2>/dev/null || true
bash -c "'$magpie' git '$copy' --format json --no-store" > "$work/full.json" 2>/dev/null || true
# Findings, diagnostics and the counts of findings must agree; what was read (files_scanned,
# bytes, skipped: already-scanned, elapsed) differs by design.
if python3 - "$work/rescan.json" "$work/full.json" <<'PY'
import json, sys
def essence(path):
    report = json.load(open(path))
    summary = report.get("summary", {})
    return (report.get("findings"), report.get("diagnostics"),
            {k: summary.get(k) for k in ("findings", "sensitive_files", "errors", "suppressed")})
sys.exit(0 if essence(sys.argv[1]) == essence(sys.argv[2]) else 1)
PY
then same="identical"; else same="DIFFERENT"; fi

: > "$work/floor.runs"; : > "$work/rescan.runs"; : > "$work/full.runs"
for ((i = 0; i < runs; i++)); do
  measure_once "$floor_cmd" "$work/floor.runs"
  restore
  measure_once "$rescan_cmd" "$work/rescan.runs"
  measure_once "$full_cmd" "$work/full.runs"
done

echo "runs: $runs (medians), cpus: ${cpus:-all}, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(basename "$copy"): $commits new commits, $new_objects new objects; rescan report vs --no-store: $same"
printf '%-8s %8s %8s\n' "" "wall s" "cpu s"
for name in floor rescan full; do
  printf '%-8s %8s %8s\n' "$name" "$(median "$work/$name.runs" 1)" "$(median "$work/$name.runs" 2)"
done
echo "rescan/floor $(paired_ratio "$work/rescan.runs" 1 1 "$work/floor.runs")x wall," \
  "$(paired_ratio "$work/rescan.runs" 2 2 "$work/floor.runs")x cpu;" \
  "rescan/full $(paired_ratio "$work/rescan.runs" 1 1 "$work/full.runs")x wall," \
  "$(paired_ratio "$work/rescan.runs" 2 2 "$work/full.runs")x cpu"
[[ "$same" == identical ]]
