#!/bin/sh
# Writes magpie.1 from magpie's own help (issue 11): help2man for the page, and each command's
# --help as a section of it, so that the page says what the binary does.
# Usage: man_page.sh HELP2MAN MAGPIE OUTPUT
set -eu
help2man="$1"
magpie="$2"
out="$3"
include="$out.include"
{
  echo "[COMMANDS]"
  for command in scan git staged install-hook merge estate "rules list" "rules check" \
                 "store gc"; do
    echo ".SS \"magpie $command\""
    echo ".nf"
    # shellcheck disable=SC2086  # "rules list" is two words on purpose
    "$magpie" $command --help | sed 's/\\/\\\\/g; s/^\./\\\&./'
    echo ".fi"
  done
  echo "[ENVIRONMENT]"
  echo ".TP"
  echo ".B NO_COLOR"
  echo "Any non-empty value: no colours (unless --color=always)."
  echo ".TP"
  echo ".B MAGPIE_CACHE_DIR"
  echo "The compiled-rules cache (default: \$XDG_CACHE_HOME/magpie or ~/.cache/magpie)."
  echo ".TP"
  echo ".B MAGPIE_STORE"
  echo "The scan store of magpie git (default: store/scans.sqlite in the cache directory); off: none."
} > "$include"
"$help2man" --no-info --no-discard-stderr --section=1 \
  --name="find credentials in files and git history before they leak" \
  --include="$include" --output="$out" "$magpie"
rm -f "$include"
