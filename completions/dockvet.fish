# fish completion for dockvet. Installed as share/fish/vendor_completions.d/dockvet.fish.
# Rule codes and names come from the installed dockvet (`--list-rules`), with each rule's summary.

function __dockvet_rules
    # --list-rules prints "CODE NAME SEVERITY[ (off)] SUMMARY" under "# Family" headers.
    for line in (dockvet --list-rules 2>/dev/null | string match -rv '^(#|$)')
        set -l parts (string match -r '^(\S+)\s+(\S+)\s+\S+(?: \(off\))?\s+(.*)$' -- $line)
        or continue
        # parts: the whole line, code, name, summary
        printf '%s\t%s\n' $parts[2] $parts[4] $parts[3] $parts[4]
    end
end

complete -c dockvet -s h -l help -d 'Print help and exit'
complete -c dockvet -l version -d 'Print the version and exit'
complete -c dockvet -s f -l format -x -a 'text json gnu sarif checkstyle codeclimate junit sonarqube' -d 'Output format, repeatable'
complete -c dockvet -s o -l output -r -F -d 'File for the output of the --format at the same position'
complete -c dockvet -l kind -x -a 'dockerfile shell makefile markdown compose kubernetes' -d 'Read every named file as this kind'
complete -c dockvet -l stdin-filename -r -F -d 'Name to report for standard input'
complete -c dockvet -l failure-threshold -x -a 'error warning info style none' -d 'Exit 1 only for findings at or above this severity'
complete -c dockvet -l no-fail -d 'Exit 0 even when there are findings'
complete -c dockvet -l fix -d 'Apply the safe fixes in place'
complete -c dockvet -l unsafe-fixes -d 'With --fix or --diff, apply the unsafe fixes too'
complete -c dockvet -l diff -d 'Print the fixes as a unified diff instead of writing them'
complete -c dockvet -s c -l config -r -F -d 'Configuration file'
complete -c dockvet -l select -x -a '(__dockvet_rules)' -d 'Only report these codes, code prefixes or names'
complete -c dockvet -l ignore -x -a '(__dockvet_rules)' -d 'Never report these codes, code prefixes or names'
complete -c dockvet -l report-unused-ignores -d 'Report ignore pragmas that suppress nothing'
complete -c dockvet -l compose-env -d 'Interpolate compose files with the process environment too'
complete -c dockvet -l no-color -d 'Never colour the output'
complete -c dockvet -l color -x -a 'auto always never' -d 'Colour text output'
complete -c dockvet -s j -l jobs -x -d 'Worker threads'
complete -c dockvet -l list-rules -d 'List every rule'
complete -c dockvet -l explain -x -a '(__dockvet_rules)' -d 'Print the documentation page of a rule'

# `dockvet lsp`: the language server for editors, with its own options.
complete -c dockvet -n __fish_use_subcommand -f -a lsp -d 'Run as a language server for editors'
complete -c dockvet -n '__fish_seen_subcommand_from lsp' -l stdio -d 'Talk over standard input and output'
complete -c dockvet -n '__fish_seen_subcommand_from lsp' -s c -l config -r -F -d 'Configuration file for every document'
