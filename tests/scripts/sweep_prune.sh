# Pruning by successive halving (sweep ..., prune: halving(...)): every
# point stops at the epoch the rule predicts, computed from the unpruned
# sweep, and keeps its partial history, bit-identical to the unpruned
# run's first epochs; jobs: 1 and 2 agree; the rungs are announced; bad
# pruners and a block that gives no run are located errors.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FX" --threads 1 -q lib/sweep_prune_body.fx 1 >"$d/j1" 2>&1
"$FX" --threads 1 -q lib/sweep_prune_body.fx 2 >"$d/j2" 2>&1
cmp -s "$d/j1" "$d/j2" && echo "jobs 2 equals jobs 1"
cat "$d/j1"
echo "rungs:"
"$FX" --threads 1 -e 'seed 0
let data = random_data(60, 3, classes: 2)
model m { dense(2) }
let s = sweep lr in [0.1, 0.01, 0.001, 0.0001], prune: halving(min_epochs: 2, eta: 2, monitor: "loss") {
    train m on data, epochs: 8, optimizer: sgd(lr: lr), log: "none"
}
print map(s.results, fn (r) => r.epochs)' 2>&1 | grep -v "^sweep"
echo "errors:"
"$FX" -e 'sweep a in [1, 2], prune: 3 { a }' 2>&1
"$FX" -e 'sweep a in [1, 2], prune: halving(eta: 1) { a }' 2>&1
"$FX" -e 'sweep a in [1, 2], prune: halving(min_epochs: 0) { a }' 2>&1
"$FX" -e 'sweep a in [1, 2], prune: halving(monitor: "val_los") { a }' 2>&1
"$FX" -q -e 'sweep a in [1, 2], prune: halving() { a }' 2>&1
exit 0   # the output above is what is checked
