#!/usr/bin/env bash
# Issue 11: `cmake --install` and the .deb put magpie, its man page and its bash completion in
# place, and the installed binary runs from there. The .deb is unpacked into a scratch root
# (dpkg -x: no root needed, nothing installed on the machine).
# Usage: tests/package_test.sh BUILD_DIR
set -euo pipefail
build="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

# A tree to scan: one secret.
mkdir -p "$scratch/tree"
printf 'KEY=AKIAQYLPMN5HHHFPZAM2\n' > "$scratch/tree/leak.env"

check_root() {  # ROOT PREFIX: what an install under ROOT/PREFIX must hold
  local root="$1" prefix="$2"
  local bin="$root$prefix/bin/magpie"
  [ -x "$bin" ] || fail "no executable $bin"
  [ -f "$root$prefix/share/bash-completion/completions/magpie" ] || fail "no bash completion"
  local man
  man="$(ls "$root$prefix"/share/man/man1/magpie.1* 2>/dev/null | head -n 1)"
  [ -n "$man" ] || fail "no man page under $root$prefix/share/man/man1"
  case "$man" in *.gz) zcat "$man" ;; *) cat "$man" ;; esac > "$scratch/page"
  grep -q -- '--no-progress' "$scratch/page" || fail "man page lacks the scan flags"
  grep -q 'magpie git' "$scratch/page" || fail "man page lacks the git command"
  "$bin" --version | grep -qE '^[0-9]+\.[0-9]+' || fail "$bin --version"
  local code=0
  MAGPIE_CACHE_DIR="$scratch/cache" "$bin" scan -q "$scratch/tree" > "$scratch/out" || code=$?
  [ "$code" = 1 ] || fail "installed magpie exit $code on a secret, expected 1"
  grep -q 'aws-access-key-id' "$scratch/out" || fail "installed magpie did not report the key"
  # The bash completion loads and offers the commands and flags.
  bash -c "source '$root$prefix/share/bash-completion/completions/magpie'; \
    PATH='$root$prefix/bin':\$PATH; COMP_WORDS=(magpie scan --no-p); COMP_CWORD=2; _magpie; \
    printf '%s\n' \"\${COMPREPLY[@]}\"" | grep -qx -- '--no-progress' \
    || fail "bash completion does not offer --no-progress"
}

cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
check_root "$scratch/prefix" ""

(cd "$build" && cpack -G DEB -B "$scratch/deb" >/dev/null) || fail "cpack failed"
deb="$(ls "$scratch"/deb/magpie_*.deb)"
dpkg-deb --field "$deb" Depends | grep -q 'libhs\|libvectorscan' || fail "Depends lacks Hyperscan"
dpkg -x "$deb" "$scratch/root"
check_root "$scratch/root" /usr
echo "package_test: ok ($(basename "$deb"))"
