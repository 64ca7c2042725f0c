# bash completion for magpie (issue 11). Commands and flags come from `magpie ... --help`
# itself, so that the completion never falls behind the binary.
_magpie() {
  local cur="${COMP_WORDS[COMP_CWORD]}" command="" sub="" word
  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in
      -*) ;;
      scan|git|staged|install-hook|rules|merge|estate) [[ -z "$command" ]] && command="$word" ;;
      list|check) [[ "$command" == rules && -z "$sub" ]] && sub="$word" ;;
    esac
  done
  case "${COMP_WORDS[COMP_CWORD-1]}" in
    -f|--format) COMPREPLY=($(compgen -W "text json jsonl sarif" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --min-confidence) COMPREPLY=($(compgen -W "low medium high" -- "$cur")); return ;;
    -o|--output|--rules|--config|--baseline) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ -z "$command" ]]; then
    COMPREPLY=($(compgen -W "scan git staged rules install-hook merge estate --help --version" -- "$cur"))
    return
  fi
  if [[ "$command" == rules && -z "$sub" ]]; then
    COMPREPLY=($(compgen -W "list check" -- "$cur"))
    return
  fi
  if [[ "$cur" == -* ]]; then
    local flags
    flags="$("${COMP_WORDS[0]}" $command $sub --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)"
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _magpie magpie
