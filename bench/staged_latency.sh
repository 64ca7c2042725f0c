#!/usr/bin/env bash
# Latency of `magpie staged` as the pre-commit hook sees it: one changed file staged in a
# repository of FILES tracked files (default 4,800, git/git's size), warm database cache, the
# median of RUNS runs. Several binaries are interleaved (A, B, A, B, ...) so that machine noise
# hits them alike. The repository is generated (no download) and reused between calls.
#
# Usage: bench/staged_latency.sh [--runs N] [--files N] [--repo DIR] BIN [BIN...]
#   e.g. bench/staged_latency.sh /work/main/build/cli/magpie build/cli/magpie
# Prints one line per binary: "<median ms>  <min ms>  <BIN>".
set -euo pipefail

runs=31 files=4800 repo=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    --*) echo "staged_latency.sh: unknown argument: $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "staged_latency.sh: name at least one magpie binary" >&2; exit 2; }
repo="${repo:-/tmp/magpie-bench-staged-$files}"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export MAGPIE_CACHE_DIR="${MAGPIE_CACHE_DIR:-/tmp/magpie-bench-staged-cache}"

if [[ ! -f "$repo/.git/index" ]]; then
  rm -rf "$repo" && mkdir -p "$repo"
  python3 - "$repo" "$files" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "dir%03d" % (i % 120), "sub%d" % (i % 7))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "file%05d.c" % i), "w") as f:
        for line in range(60):
            f.write("static int value_%d_%d = %d; /* generated line of text */\n" % (i, line, i * line))
PY
  git -C "$repo" init -q -b main
  git -C "$repo" add -A
  git -C "$repo" -c user.name=b -c user.email=b@e commit -q -m base
fi
# One changed file, staged.
target="$repo/dir007/sub0/file00007.c"
git -C "$repo" checkout -q -- "$target"
echo "int added_by_bench = 1;" >>"$target"
git -C "$repo" add "$target"

ms() {  # milliseconds of one `BIN staged` in the repository
  local start end
  start=$(date +%s%N)
  (cd "$repo" && "$1" staged >/dev/null 2>&1) || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000)) | awk '{printf "%.1f\n", $1 / 1000}'
}

declare -A times
for bin in "$@"; do "$bin" --version >/dev/null; ms "$bin" >/dev/null; done  # warm the cache
for ((r = 0; r < runs; r++)); do
  for bin in "$@"; do times[$bin]+="$(ms "$bin") "; done
done
for bin in "$@"; do
  tr ' ' '\n' <<<"${times[$bin]}" | grep . | sort -n |
    awk -v bin="$bin" '{v[NR]=$1} END {printf "%7.1f ms median  %7.1f ms min  %s\n", v[int((NR+1)/2)], v[1], bin}'
done
git -C "$repo" reset -q && git -C "$repo" checkout -q -- "$target"
