# fish completion for magpie (issue 11). Like the bash one, it asks `magpie ... --help` for
# the commands, subcommands and flags, so that it never falls behind the binary.
function __magpie_subcommands --description 'subcommands of magpie ARGS'
    command magpie $argv --help 2>/dev/null | awk '/^Subcommands:/ { s = 1; next } s && /^  [a-z]/ { print $1 } s && /^[^ ]/ { s = 0 }'
end

function __magpie_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l path
    for word in $words[2..-1]
        string match -q -- '-*' $word; and continue
        contains -- $word (__magpie_subcommands $path); and set -a path $word
    end
    switch "$words[-1]"
        case -f --format
            printf '%s\n' text json jsonl sarif html
            return
        case --color
            printf '%s\n' auto always never
            return
        case --min-confidence
            printf '%s\n' low medium high
            return
        case -o --output --rules --config --baseline --store --replacements --paths-to-remove --ignore-file
            __fish_complete_path $cur
            return
    end
    if string match -q -- '-*' $cur
        command magpie $path --help 2>/dev/null | string match -ar -- '--[a-z][a-z-]*' | sort -u
        return
    end
    set -l subs (__magpie_subcommands $path)
    if test (count $subs) -gt 0
        printf '%s\n' $subs
        test (count $path) -gt 0; and return
    end
    __fish_complete_path $cur
end

complete -c magpie -f -a '(__magpie_complete)'
