# Completes a command line as zsh would on Tab, in an interactive zsh under zsh/zpty with compinit loaded, and
# writes every candidate the completion functions offer to OUT, one per line (compadd is wrapped to record them).
#   zsh -f complete_zsh.zsh FUNCTIONS_DIR OUT LINE
# FUNCTIONS_DIR goes first on fpath, where compinit finds _policy by its #compdef line. Exit 0 once completion
# has finished; 3 without zsh/zpty, 4 when the shell did not start, 5 when completion did not finish.
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 3 }
functions_dir=$1 out=$2 line=$3
zpty shell zsh -f -i
setup=(
  "PS1='' PS2='' RPS1=''"
  "fpath=(${(q)functions_dir} \$fpath)"
  "autoload -Uz compinit && compinit -u -D"
  "bindkey '^I' complete-word"
  "compadd() { if (( \${@[(I)-[OAD]*]} )); then builtin compadd \"\$@\"; return; fi; local -a __m; builtin compadd -A __m \"\$@\"; (( \$#__m )) && print -lr -- \"\${__m[@]}\" >> ${(q)out}; builtin compadd \"\$@\"; }"
  "_record_done() { : > ${(q)out}.done }"
  "comppostfuncs=(_record_done)"
  ": > ${(q)out}.ready"
)
for command in $setup; do zpty -w shell "$command"; done
# The pty is drained while waiting, so the shell never blocks on a full terminal.
for (( i = 0; i < 800; i++ )); do [[ -e $out.ready ]] && break; zpty -rt shell chunk; sleep 0.025; done
[[ -e $out.ready ]] || { print -u2 'zsh did not start'; zpty -d shell; exit 4 }
: > $out
zpty -wn shell "$line"$'\t'
for (( i = 0; i < 800; i++ )); do [[ -e $out.done ]] && break; zpty -rt shell chunk; sleep 0.025; done
zpty -d shell
[[ -e $out.done ]] || { print -u2 'completion did not finish'; exit 5 }
exit 0
