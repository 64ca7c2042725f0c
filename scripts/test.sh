#!/usr/bin/env bash
# Builds magpie with its tests if needed and runs the whole default test suite:
# the Catch2 suites through ctest (slow ones excluded; `ctest -L slow` runs them) and
# `magpie rules check` on the shipped rules.yaml.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MAGPIE_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" -DMAGPIE_BUILD_TESTS=ON
# Tests use a private database cache so that they never touch the user's.
export MAGPIE_CACHE_DIR="$build/test-cache"
echo "== magpie rules check (shipped rules.yaml)"
"$build/cli/magpie" rules check
echo "== ctest"
cd "$build"
ctest --output-on-failure -j"$(nproc)" -LE slow
