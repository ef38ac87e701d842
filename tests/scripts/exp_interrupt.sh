# Ctrl-C while training stops after the current batch: the statement ends
# with the epochs so far (one line says so), then the script stops with a
# located "interrupted" error and exit status 130.
# The old output goes first: the shell may look at the file before the
# background fx has truncated it, and an old file's epoch lines would send
# the signal before fx has its handler (a background job of a script
# starts with SIGINT ignored), and the run would never stop.
rm -f ../tmp/exp_interrupt.out ../tmp/exp_interrupt.err
"$FX" exp_interrupt.fx > ../tmp/exp_interrupt.out 2> ../tmp/exp_interrupt.err &
pid=$!
i=0
while ! grep -q '^epoch' ../tmp/exp_interrupt.out 2>/dev/null && [ $i -lt 600 ]; do
    sleep 0.05; i=$((i + 1))
done
kill -INT $pid
wait $pid
echo "status $?"
sed -n 's/^interrupted in epoch [0-9]*:/interrupted in epoch N:/p' ../tmp/exp_interrupt.out
grep -c '^epoch' ../tmp/exp_interrupt.out >/dev/null && echo "epoch lines before it"
cat ../tmp/exp_interrupt.err
