# Sourced by the window tests (sh): what each of them needs around a rollcoach process.
#   on_own_display SCREEN "$@"   runs the test again under xvfb-run on a display of its own
#                                (SCREEN: "1280x800x24"), once; call it before scratch_folder
#   scratch_folder               makes $tmp, removed at exit, when the rollcoach started in
#                                $pid (and a helper in $helper) is ended too
#   fail WORDS                   says why the test failed, with what rollcoach wrote to
#                                $tmp/log, and exits 1

on_own_display() {
    screen=$1
    shift
    # Keys and windows of other tests on a shared display could reach this one's.
    if [ -z "${ROLLCOACH_TEST_OWN_DISPLAY:-}" ] && command -v xvfb-run > /dev/null; then
        ROLLCOACH_TEST_OWN_DISPLAY=1 exec xvfb-run -a -s "-screen 0 $screen -noreset" \
            sh "$0" "$@"
    fi
}

scratch_folder() {
    tmp=$(mktemp -d)
    pid=
    helper=
    trap 'end_processes' EXIT
}

end_processes() {
    [ -n "$pid" ] && kill -KILL "$pid" 2> /dev/null
    [ -n "$helper" ] && kill "$helper" 2> /dev/null
    rm -rf "$tmp"
}

fail() {
    echo "FAIL: $*"
    [ -f "$tmp/log" ] && { echo "--- rollcoach said:"; cat "$tmp/log"; }
    exit 1
}
