# Ctrl-C stops a runaway recursion (a call tree of 2^60 calls, no loop in
# it) as it stops a loop: a located "interrupted" error and exit status
# 130. Found by fuzz_eval, where such a script ran for an hour unstopped.
. lib/wait_sigint.sh
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
printf 'fn f(n) {\n    if n <= 0 { return 1 }\n    return f(n - 1) + f(n - 1)\n}\nprint f(60)\n' >"$dir/t.fx"
"$FX" "$dir/t.fx" 2>"$dir/err" &
pid=$!
wait_sigint_handler "$pid"
sleep 1
kill -INT "$pid"
wait "$pid"
echo "exit status $?"
grep -c 'error: interrupted$' "$dir/err"
