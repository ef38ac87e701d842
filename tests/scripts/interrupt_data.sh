# Ctrl-C during a long data builtin stops it between parts of its passes
# (stdlib/data/data_poll.c), not after the whole call: moons() of 40
# million points (about 10 s here, several times that under ASan) is
# stopped half a second in, with a located "interrupted" error at the
# call, exit status 130, nothing after it run. The liveness bound (the
# exit within 5 s of the signal) is generous for any machine; fuzz_eval
# timed out on such a call before the parts existed.
. lib/wait_sigint.sh
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
printf 'let d = split(moons(40000000), 0.2)\nprint "not reached"\n' >"$dir/t.fx"
"$FX" --max-memory 4G "$dir/t.fx" >"$dir/out" 2>"$dir/err" &
pid=$!
wait_sigint_handler "$pid"
sleep 0.5
kill -INT "$pid"
start=$(date +%s)
wait "$pid"
echo "exit status $?"
end=$(date +%s)
[ $((end - start)) -le 5 ] && echo "stopped within 5 s" || echo "took $((end - start)) s"
grep -c 'error: interrupted$' "$dir/err"
grep -o 't.fx:1:[0-9]*' "$dir/err" | head -1
cat "$dir/out"
