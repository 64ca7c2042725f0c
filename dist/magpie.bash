# bash completion for magpie (issue 11). Commands, subcommands and flags come from
# `magpie ... --help` itself, so that the completion never falls behind the binary.
_magpie_subcommands() {  # the subcommands of `magpie $*`, one per line
  "$_magpie_bin" "$@" --help 2>/dev/null |
    awk '/^Subcommands:/ { s = 1; next } s && /^  [a-z]/ { print $1 } s && /^[^ ]/ { s = 0 }'
}
_magpie() {
  local cur="${COMP_WORDS[COMP_CWORD]}" word subs
  local _magpie_bin="${COMP_WORDS[0]}"
  local -a path=()
  # The command path is every leading word that names a subcommand of the path before it.
  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    [[ "$word" == -* ]] && continue
    if _magpie_subcommands "${path[@]}" | grep -qxF -- "$word"; then path+=("$word"); fi
  done
  case "${COMP_WORDS[COMP_CWORD-1]}" in
    -f|--format) COMPREPLY=($(compgen -W "text json jsonl sarif html" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --min-confidence) COMPREPLY=($(compgen -W "low medium high" -- "$cur")); return ;;
    -o|--output|--rules|--config|--baseline|--store|--replacements|--paths-to-remove|--ignore-file)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    local flags
    flags="$("$_magpie_bin" "${path[@]}" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)"
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return
  fi
  subs="$(_magpie_subcommands "${path[@]}")"
  if [[ -n "$subs" ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    # `magpie` alone defaults to `scan .`; a command with subcommands takes no files.
    [[ ${#path[@]} -gt 0 ]] && return
  fi
  COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -o filenames -F _magpie magpie
