# bash completion for dockvet. Installed as share/bash-completion/completions/dockvet, where
# bash-completion loads it on first use; `source` it by hand otherwise.
# Rule codes and names come from the dockvet being completed (`--list-rules`), so they always
# match the installed version.

_dockvet_rules() {
  "$1" --list-rules 2>/dev/null | awk '$1 !~ /^#/ && NF >= 2 { print $1; print $2 }'
}

_dockvet() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD - 1]}
  # "--format=js": bash splits the word at "=", so the option is one word further back.
  if [[ $cur == "=" ]]; then
    cur=""
  fi
  if [[ $prev == "=" && $COMP_CWORD -ge 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi

  case $prev in
    -f | --format)
      mapfile -t COMPREPLY < <(compgen -W "text json gnu sarif checkstyle codeclimate junit sonarqube" -- "$cur")
      return ;;
    --kind)
      mapfile -t COMPREPLY < <(compgen -W "dockerfile shell makefile markdown compose kubernetes" -- "$cur")
      return ;;
    --failure-threshold)
      mapfile -t COMPREPLY < <(compgen -W "error warning info style none" -- "$cur")
      return ;;
    --color)
      mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
      return ;;
    --select | --ignore | --explain)
      mapfile -t COMPREPLY < <(compgen -W "$(_dockvet_rules "$1")" -- "$cur")
      return ;;
    -j | --jobs)
      return ;;
    -o | --output | -c | --config | --stdin-filename)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
  esac

  # `dockvet lsp` takes only its own two options.
  if [[ ${COMP_WORDS[1]} == lsp && $COMP_CWORD -ge 2 ]]; then
    mapfile -t COMPREPLY < <(compgen -W "--stdio -c --config" -- "$cur")
    return
  fi
  if [[ $cur == -* ]]; then
    local options="-h --help --version -f --format -o --output --kind --stdin-filename
      --failure-threshold --no-fail --fix --unsafe-fixes --diff -c --config --select --ignore --report-unused-ignores
      --compose-env --no-color --color -j --jobs --list-rules --explain"
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  if [[ $COMP_CWORD -eq 1 ]]; then
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "lsp" -- "$cur")
  fi
}

complete -F _dockvet dockvet
