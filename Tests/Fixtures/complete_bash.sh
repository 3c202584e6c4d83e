#!/usr/bin/env bash
# Completes a command line as bash would on Tab and prints each candidate on its own line.
#   complete_bash.sh LINE [SCRIPT]
# With BASH_COMPLETION set (the path of bash_completion), bash-completion is loaded first; without SCRIPT, its
# loader finds the command's completion where it looks (XDG_DATA_DIRS). COMP_WORDS is split as readline splits
# it: at blanks, and around each = and : (both are in COMP_WORDBREAKS by default).
set -u
line=$1
if [[ -n ${BASH_COMPLETION:-} ]]; then
    # shellcheck source=/dev/null
    source "$BASH_COMPLETION"
fi
if [[ $# -ge 2 ]]; then
    # shellcheck source=/dev/null
    source "$2"
fi
COMP_LINE=$line
COMP_POINT=${#line}
COMP_WORDS=()
word=''
for ((i = 0; i < ${#line}; i++)); do
    c=${line:i:1}
    case $c in
        ' ') [[ -n $word ]] && COMP_WORDS+=("$word"); word='' ;;
        '=' | ':') [[ -n $word ]] && COMP_WORDS+=("$word"); COMP_WORDS+=("$c"); word='' ;;
        *) word+=$c ;;
    esac
done
COMP_WORDS+=("$word")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
command=${COMP_WORDS[0]}
if ! spec=$(complete -p "$command" 2>/dev/null); then
    # bash-completion's loader, as it runs on the first Tab for a command without a completion yet.
    declare -F __load_completion >/dev/null && __load_completion "$command"
    spec=$(complete -p "$command" 2>/dev/null) || { echo "no completion for $command" >&2; exit 3; }
fi
function=${spec#*-F }
function=${function%% *}
COMPREPLY=()
"$function" "$command" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
