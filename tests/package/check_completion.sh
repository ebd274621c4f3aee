#!/usr/bin/env bash
# The bash completion offers the commands, each command's options, and the values of the
# options that take one of a few words.
#   check_completion.sh COMPLETION_FILE
set -uo pipefail
source /usr/share/bash-completion/bash_completion
source "$1"

failed=0
expect() {
    local want=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _rollcoach
    if [[ "${COMPREPLY[*]}" != "$want" ]]; then
        echo "FAIL: '$*' completes to '${COMPREPLY[*]}', not '$want'" >&2
        failed=1
    fi
}

expect "run render explore edit validate plan next history progress calendar remind report new listen" rollcoach ""
expect "--body --shoulder-width-cm --height-cm --data-dir --fullscreen --language --help --version" rollcoach --
expect "men women" rollcoach --body ""
expect "run render remind report" rollcoach --body men r
expect "de es en" rollcoach --language ""
expect "--first-side --speed --autostart --paused --start-at --mute --frames --fullscreen --listen --big-button --help" rollcoach run --
expect "left right" rollcoach run x.yaml --first-side ""
expect "--side --size --screen --step" rollcoach render x.yaml --s
expect "session progress body help edit setup" rollcoach render x.yaml --screen ""
expect "partner" rollcoach new massage --drill pa
expect "--strict --every-body --help" rollcoach validate --
expect "--from --verbose --help" rollcoach listen --
expect "--first-side --json --every --help" rollcoach plan --
expect "--json --help" rollcoach history --
expect "--routine --weeks --json --help" rollcoach progress --
expect "--weeks --out --help" rollcoach calendar --
expect "--install --autostart --uninstall --keep-running --wait --help" rollcoach remind --
expect "--weeks --out --csv --name --note --help" rollcoach report --
expect "render remind report" rollcoach re
exit $failed
