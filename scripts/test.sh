#!/usr/bin/env bash
# Builds magpie with its tests if needed and runs the whole default test suite:
# the Catch2 suites through ctest (slow ones excluded) and `magpie rules check` on the shipped
# rules.yaml. `scripts/test.sh --slow` runs the slow suites instead (`ctest -L slow`: huge
# trees, deep trees, RSS ceilings; minutes, and a few GB of temporary disk).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
slow=0
case "${1:-}" in
  --slow) slow=1 ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--slow]" >&2; exit 2 ;;
esac
build="${MAGPIE_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" -DMAGPIE_BUILD_TESTS=ON
# Tests use a private database cache so that they never touch the user's.
export MAGPIE_CACHE_DIR="$build/test-cache"
if [ "$slow" = 1 ]; then
  echo "== ctest -L slow"
  cd "$build"
  exec ctest --output-on-failure -L slow
fi
echo "== magpie rules check (shipped rules.yaml)"
"$build/cli/magpie" rules check
echo "== ctest"
cd "$build"
ctest --output-on-failure -j"$(nproc)" -LE slow
