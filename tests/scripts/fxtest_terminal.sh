# On a terminal (a pseudo-terminal from script(1)) fx test colours its
# verdicts and shows a progress line; with CI=true, or NO_COLOR, or no
# terminal it writes neither: no escape sequence at all. Nothing here waits
# for time to pass: the progress line is drawn before the first script
# can have finished.
FX=$(cd "$(dirname "$FX")" && pwd)/$(basename "$FX")
esc=$(printf '\033')
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
onterm() { script -qec "$1" /dev/null </dev/null >"$t/o" 2>&1; }
count() { grep -c "$1" "$t/o"; }
onterm "env -u CI -u NO_COLOR $FX test ../suite/pass_minimize.fx ../suite/fail_two.fx"
echo "terminal: green PASS $(count "${esc}\[32mPASS"), red FAIL $(count "${esc}\[31mFAIL"), progress $(count '\[0/2\] running')"
onterm "env CI=true $FX test ../suite/pass_minimize.fx ../suite/fail_two.fx"
echo "CI=true: escapes $(count "$esc"), progress $(count 'running'), summary $(count '^1 passed, 1 failed')"
onterm "env -u CI NO_COLOR=1 $FX test ../suite/pass_minimize.fx"
echo "NO_COLOR: colour escapes $(count "${esc}\[3")"
"$FX" test ../suite/pass_minimize.fx ../suite/fail_two.fx >"$t/o" 2>&1
echo "no terminal: escapes $(count "$esc"), progress $(count 'running')"
onterm "env CI=true $FX -e 'plot [1, 2, 3]'"
echo "fx under CI=true: escapes $(count "$esc")"
