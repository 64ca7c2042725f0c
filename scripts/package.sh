#!/usr/bin/env bash
# Builds magpie (Release) and its Debian package with CPack (dist/CMakeLists.txt).
# Usage: scripts/package.sh [OUT_DIR]     (default: build/package); prints the .deb's path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MAGPIE_BUILD_DIR:-$root/build}"
out="${1:-$build/package}"
bash "$root/scripts/install-deps.sh"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target magpie magpie_man >&2
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out" >&2)
ls "$out"/magpie_*.deb
