# Ctrl-C while training stops after the current batch: the statement ends
# with the epochs so far (one line says so), then the script stops with a
# located "interrupted" error and exit status 130.
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
