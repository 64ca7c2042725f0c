#!/usr/bin/env bash
# Issue 11: `cmake --install` and the .deb put magpie, its man page and its bash, zsh and fish
# completions in
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
  local bash_c="$root$prefix/share/bash-completion/completions/magpie"
  local zsh_c="$root$prefix/share/zsh/vendor-completions/_magpie"
  local fish_c="$root$prefix/share/fish/vendor_completions.d/magpie.fish"
  [ -f "$bash_c" ] || fail "no bash completion"
  [ -f "$zsh_c" ] || fail "no zsh completion"
  [ -f "$fish_c" ] || fail "no fish completion"
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
  # Each completion loads and offers subcommands, nested subcommands and flags, all read from
  # the installed binary's --help.
  local -a cases=("magpie ru|rules" "magpie rules c|check" "magpie scan --no-p|--no-progress"
                  "magpie -f sa|sarif")
  local c line want
  for c in "${cases[@]}"; do
    line="${c%%|*}" want="${c##*|}"
    PATH="$root$prefix/bin:$PATH" bash -c 'source "$1"; shift; COMP_WORDS=("$@");
      COMP_CWORD=$(($# - 1)); _magpie; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_c" $line \
      | grep -x -- "$want" >/dev/null || fail "bash completion of '$line' does not offer $want"
    if command -v zsh >/dev/null; then
      # compadd and _files exist only inside zsh's completion system: stand-ins print the offers.
      PATH="$root$prefix/bin:$PATH" zsh -fc 'compadd() { shift; print -l -- "$@" }
        _files() { print FILES }; local file=$1; shift; words=("$@"); CURRENT=$#
        PREFIX=$words[-1]; source "$file"' _ "$zsh_c" $line \
        | grep -x -- "$want" >/dev/null || fail "zsh completion of '$line' does not offer $want"
    fi
    if command -v fish >/dev/null; then
      PATH="$root$prefix/bin:$PATH" fish -c 'source $argv[1]; complete -C $argv[2]' "$fish_c" \
        "$line" | grep -x -- "$want" >/dev/null || fail "fish completion of '$line' does not offer $want"
    fi
  done
}

cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
check_root "$scratch/prefix" ""

(cd "$build" && cpack -G DEB -B "$scratch/deb" >/dev/null) || fail "cpack failed"
deb="$(ls "$scratch"/deb/magpie_*.deb)"
dpkg-deb --field "$deb" Depends | grep -q 'libhs\|libvectorscan' || fail "Depends lacks Hyperscan"
# issue 11: install-hook runs `git rev-parse` and blobs over the window stream from
# `git cat-file`: without git those fail, so the package recommends it.
dpkg-deb --field "$deb" Recommends | grep -qw git || fail "Recommends lacks git"
dpkg -x "$deb" "$scratch/root"
check_root "$scratch/root" /usr
echo "package_test: ok ($(basename "$deb"))"
