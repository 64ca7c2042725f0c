#!/usr/bin/env bash
# Issue 13, delta-aware history: how much of a repository's blob content a scan must read when
# it scans each delta base once and, for each deltified version, only the regions its delta
# changed (widened by W bytes and rounded to whole lines), and how long producing those
# regions takes against the floor `git cat-file --batch-all-objects --batch --unordered`
# (every object inflated once, in pack order). Times are wall and user+sys CPU; on a shared
# machine compare the CPU columns. Single thread on both sides.
#
# Usage: bench/pack_delta.sh GIT_DIR [W...]    (needs build/bench/pack_delta_stats:
#        cmake -DMAGPIE_BUILD_BENCH=ON, cmake --build build --target pack_delta_stats)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="${1:?usage: bench/pack_delta.sh GIT_DIR [W...]}"
shift
tool="${MAGPIE_PACK_DELTA_STATS:-$here/build/bench/pack_delta_stats}"
[[ -x "$tool" ]] || { echo "not built: $tool" >&2; exit 2; }
echo "== floor: git cat-file --batch-all-objects --batch --unordered"
/usr/bin/time -f "floor: %e s wall, %U+%S s CPU, max RSS %M KB" \
  git -C "$repo" cat-file --batch-all-objects --batch --unordered > /dev/null
echo "== pack_delta_stats ${*:-256}"
/usr/bin/time -f "pack_delta_stats: %e s wall, %U+%S s CPU, max RSS %M KB" "$tool" "$repo" "$@"
