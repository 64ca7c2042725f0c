#!/usr/bin/env bash
# Every end-to-end ratio against its floor, in one run (issue 13, "Done when"; issue 11's
# staged and first-run figures), for the repositories given:
#   directory scan   magpie scan of REPO's HEAD tree vs `cat` of its files     (e2e.sh)
#   history          magpie git plain and delta-aware vs `git cat-file
#                    --batch-all-objects --batch --unordered`                 (git_bench.sh)
#   rescan           magpie git with the scan store after new commits vs
#                    reading only the new objects, and vs --no-store           (rescan.sh)
#   staged           magpie staged, one changed file, 4,800-file repository
#                    vs `git diff --cached`                                    (staged_latency.sh)
#   first run        magpie scan of 10 files with an empty cache               (first_run.sh)
# Each part prints its own table; this script only runs them in order with the same binary and
# says which part failed. On a shared machine read the CPU ratios (see README.md).
#
# Usage: bench/all.sh [--magpie BIN] [--runs N] [--cpus LIST] --repo BARE_REPO [--repo ...]
#   e.g. bench/all.sh --cpus 0,1 --repo /path/git.git --repo /path/curl.git
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
magpie="" runs=3 cpus="" repos=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --magpie) magpie="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    --repo) repos+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ ${#repos[@]} -gt 0 ]] || { echo "at least one --repo is required" >&2; exit 2; }
if [[ -z "$magpie" ]]; then
  for candidate in "$here"/../build*/cli/magpie; do
    [[ -x "$candidate" ]] && { magpie="$(cd "$(dirname "$candidate")" && pwd)/magpie"; break; }
  done
fi
[[ -x "$magpie" ]] || { echo "magpie binary not found; pass --magpie BIN" >&2; exit 2; }

failed=()
part() {  # part NAME COMMAND...: runs one benchmark, remembers a failure, goes on
  local name="$1"; shift
  echo; echo "== $name"
  "$@" || failed+=("$name")
}
repo_flags=()
for repo in "${repos[@]}"; do repo_flags+=(--repo "$repo"); done

echo "magpie: $magpie ($("$magpie" --version 2>/dev/null | head -1)); load: $(cut -d' ' -f1-3 /proc/loadavg)"
part "directory scan vs cat" env MAGPIE="$magpie" RUNS="$runs" bash "$here/e2e.sh" "${repo_flags[@]}"
part "history vs cat-file --unordered" bash "$here/git_bench.sh" --no-synthetic --runs "$runs" \
  --magpie "$magpie" ${cpus:+--cpus "$cpus"} "${repo_flags[@]}"
for repo in "${repos[@]}"; do
  part "rescan after 10 commits: $(basename "$repo")" bash "$here/rescan.sh" --repo "$repo" \
    --runs "$runs" --magpie "$magpie" ${cpus:+--cpus "$cpus"} \
    --work "/tmp/magpie-rescan-bench/$(basename "${repo%/}")"
done
part "staged vs git diff --cached" bash "$here/staged_latency.sh" --runs $(( runs * 7 )) "$magpie"
part "first run, empty cache" env RUNS=$(( runs * 2 + 1 )) bash "$here/first_run.sh" "$magpie"

echo
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
echo "all parts ran"
