# Shards: fx --shard i/n --out DIR runs only the sweep points k with
# k mod n = i into DIR's store and stops the script, with status 0, at a
# sweep it cannot finish; the unsharded run then finds every point done
# and prints exactly what a run on one machine prints. Shards 0/3, 1/3,
# 2/3 one after another, then shards 0/4 to 3/4 at once under GNU
# parallel (tools/deps.sh test installs it); --shard's usage errors.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cat >"$d/s.fx" <<'FX'
seed 1
let data = random_data(200, 4, classes: 2)
model net { dense(8) relu dense(2) }
let runs = sweep lr in [0.1, 0.01, 0.001, 0.3, 0.03], b in [16, 32] {
    train net on data, optimizer: sgd(lr: lr), epochs: 3, batch: b, validation_split: 0.2
}
for r in runs.results { print r.label, r.loss, r.val_loss, r.accuracy }
plot runs.val_loss
assert len(runs) == 10
FX
cd "$d" || exit 1
"$FX" -q --out one s.fx >one.txt 2>&1
for i in 0 1 2; do
    "$FX" -q --shard $i/3 --out three s.fx >/dev/null 2>"err$i"; echo "shard $i/3: status $?"
done
cat err0 err1 | sed 's/^.*s.fx:/s.fx:/'
echo "points in the store: $(ls three/points | grep -c '\.fxp$')"
"$FX" -q --out three s.fx >three.txt 2>&1
cmp -s one.txt three.txt && echo "shards 0/3, 1/3, 2/3, then the unsharded run: the same output as one machine's"
"$FX" --out three s.fx | grep '^sweep:'
if command -v parallel >/dev/null 2>&1; then
    parallel "$FX" -q --threads 1 --shard {}/4 --out four s.fx ::: 0 1 2 3 >/dev/null 2>&1
    echo "parallel: status $?, points $(ls four/points | grep -c '\.fxp$')"
    "$FX" -q --out four s.fx >four.txt 2>&1
    cmp -s one.txt four.txt && echo "GNU parallel's four shards, then the unsharded run: the same output"
else
    echo "GNU parallel is not installed (sh tools/deps.sh test installs it)"
fi
"$FX" --shard 1/3 s.fx 2>&1
"$FX" --shard 3/3 --out x s.fx 2>&1
"$FX" --shard 1 --out x s.fx 2>&1
exit 0   # the output above is what is checked
