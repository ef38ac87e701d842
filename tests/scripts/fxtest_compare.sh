# fx compare: two runs of one script (saved with save, and with --out as
# CSV) are equal, exit 0; after a change of learning rate it prints the
# largest deviations, the worst curve of both overlaid and exits 1; a
# missing file or bad option is status 2. The numbers themselves are
# training results, so only the shape of the output is checked.
FX=$(cd "$(dirname "$FX")" && pwd)/$(basename "$FX")
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
cat >run.fx <<'F'
seed 7
let d = random_data(200, 4, classes: 2)
let v = random_data(50, 4, classes: 2)
model net { dense(8) relu dense(2) }
let r = train net on d, validate: v, optimizer: adam(lr: num(args[0])), epochs: 5, batch: 50
save r to args[1]
F
"$FX" -q run.fx 0.01 a.jsonl && "$FX" -q run.fx 0.01 b.jsonl && "$FX" -q run.fx 0.05 c.jsonl &&
"$FX" -q --out out run.fx 0.01 d.jsonl || echo "a run failed"
echo "-- same script twice"
"$FX" compare a.jsonl b.jsonl; echo "exit $?"
echo "-- the --out CSV against save's JSON lines"
"$FX" compare out/run-1.csv a.jsonl | tail -n 1; echo "exit $?"
echo "-- another learning rate"
"$FX" compare c.jsonl a.jsonl --rtol 0.01 >o; echo "exit $?"
sed -n '1,4p' o
grep -c '^  (run) ' o
grep -o '^  (run)  *lr  *1  *0.05  *0.01  *0.04  *400% outside$' o | tr -s ' '
grep -o 'val_accuracy: A and B\|val_loss: A and B\|loss: A and B\|accuracy: A and B' o | head -n 1 | sed 's/^[a-z_]*: /CURVE: /'
grep -c '^     \* A c.jsonl   o B a.jsonl$' o
grep -o '^differ: [0-9]* of 25 values outside the tolerance' o | sed 's/[0-9]* of/N of/'
echo "-- errors"
"$FX" compare a.jsonl 2>&1; echo "exit $?"
"$FX" compare a.jsonl nope.jsonl 2>&1; echo "exit $?"
"$FX" compare a.jsonl b.jsonl --rtol x 2>&1; echo "exit $?"
printf '{"epoch": 1, "loss": [1]}\n' >bad.jsonl
"$FX" compare bad.jsonl a.jsonl 2>&1; echo "exit $?"
