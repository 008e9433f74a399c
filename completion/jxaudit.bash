# bash completion for jxaudit. Installed as
# share/bash-completion/completions/jxaudit; the options are those of
# `jxaudit COMMAND --help` (tests/check_output_test.cc holds them equal).

_jxaudit() {
  local cur prev cmd i
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  local commands="check baseline extract tables report"
  local batch="--patterns --jobs -j --max-bytes --max-pages --max-memory --quiet -q --timeout --help -h"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      check|baseline|extract|tables|report) cmd="${COMP_WORDS[i]}"; break ;;
    esac
  done

  case "$prev" in
    --format|-f)
      case "$cmd" in
        check) COMPREPLY=($(compgen -W "text json jsonl sarif" -- "$cur")) ;;
        extract) COMPREPLY=($(compgen -W "json csv" -- "$cur")) ;;
        tables) COMPREPLY=($(compgen -W "json csv markdown" -- "$cur")) ;;
      esac
      return 0 ;;
    --fail-on)
      COMPREPLY=($(compgen -W "error warning never" -- "$cur"))
      return 0 ;;
    --lang)
      COMPREPLY=($(compgen -W "zh en" -- "$cur"))
      return 0 ;;
    --patterns)
      COMPREPLY=($(compgen -d -- "$cur"))
      return 0 ;;
    --output|-o|--db|--baseline)
      COMPREPLY=($(compgen -f -- "$cur"))
      return 0 ;;
    --jobs|-j|--max-bytes|--max-pages|--max-memory|--timeout)
      return 0 ;;
  esac

  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "$commands --help -h --version" -- "$cur"))
    return 0
  fi

  local opts
  case "$cmd" in
    check) opts="--format -f --output -o --verbose -v --baseline --fail-on --db --no-db --force $batch" ;;
    baseline) opts="--output -o --db --no-db --force $batch" ;;
    extract|tables) opts="--format -f --output -o --lang $batch" ;;
    report) opts="--db --output -o --lang --help -h" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}
complete -o filenames -F _jxaudit jxaudit
