#!/bin/sh
# The bad-input catalogue: every case in tests/bad/cases runs fx on one
# malformed input (a data file, a weight file, a path, a command-line
# value, a script) made by tests/bad/files.sh, and must end with the
# documented exit status (1 an error in the script, 2 a usage error or an
# unreadable script) and a located error: "file:line:col: error: ..." with
# the source line and a caret (status 1), or "fx: ..." (status 2); its text
# must hold the case's expected words; no sanitizer report, no signal, no
# hang. Prints one "ok N - name" or "not ok N - name: why" line per case.
# Usage: sh tests/bad/run.sh FX [NAME-PATTERN]
set -u
fx=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); only=${2:-*}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fx-bad.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
. "$here/files.sh"
export LC_ALL=C NO_COLOR=1
n=0

# bad NAME STATUS EXPECT ARG...: runs fx ARG... (stdin /dev/null).
bad() {
    name=$1; want=$2; expect=$3; shift 3
    case $name in $only) ;; *) return;; esac
    n=$((n + 1))
    timeout 120 "$fx" "$@" </dev/null >out 2>err
    check "$?"
}

# badsh NAME STATUS EXPECT SHELL-CODE: the same for a command line that
# needs the shell (an environment variable, a limit); $FX is fx.
badsh() {
    name=$1; want=$2; expect=$3
    case $name in $only) ;; *) return;; esac
    n=$((n + 1))
    FX=$fx timeout 120 sh -c "$4" </dev/null >out 2>err
    check "$?"
}

# survives NAME WORDS ARG...: an input that is no error, yet must not crash
# or hang: exit status 0, stdout holding WORDS, nothing on stderr.
survives() {
    name=$1; expect=$2; shift 2
    case $name in $only) ;; *) return;; esac
    n=$((n + 1))
    timeout 120 "$fx" "$@" </dev/null >out 2>err
    rc=$? why=""
    if grep -q 'Sanitizer\|runtime error:' err; then why="a sanitizer report"
    elif [ "$rc" != 0 ]; then why="exit status $rc, want 0"
    elif [ -s err ]; then why="stderr: $(head -c 200 err)"
    elif ! grep -qF -- "$expect" out; then why="stdout does not hold '$expect'"; fi
    if [ -z "$why" ]; then echo "ok $n - $name"; else echo "not ok $n - $name: $why"; fi
}

check() { # $1 the exit status; uses name, want, expect
    rc=$1 why=""
    if grep -q 'Sanitizer\|runtime error:' err; then why="a sanitizer report"
    elif [ "$rc" = 124 ]; then why="no end within 120 s"
    elif [ "$rc" -gt 128 ]; then why="killed by signal $((rc - 128))"
    elif [ "$rc" != "$want" ]; then why="exit status $rc, want $want"
    elif [ "$want" = 1 ]; then
        sed -n 1p err | grep -Eq '^[^ ].*:[0-9]+:[0-9]+: error: ' || why="no 'file:line:col: error:' line"
        [ -n "$why" ] || sed -n 2p err | grep -Eq '^ +[0-9]+ \| ' || why="no source line"
        [ -n "$why" ] || sed -n 3p err | grep -Eq '^ +\| +\^' || why="no caret line"
    else
        sed -n 1p err | grep -q '^fx: ' || why="no 'fx: ' line"
    fi
    [ -n "$why" ] || grep -qF -- "$expect" err || why="the error does not say '$expect'"
    if [ -z "$why" ]; then echo "ok $n - $name"
    else echo "not ok $n - $name: $why"; head -n 6 err | sed 's/^/#   /'; fi
}

. "$here/cases"
[ "$n" -gt 0 ] || echo "not ok 1 - no case matched '$only'"
