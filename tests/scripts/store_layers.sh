# Per-layer evidence in the store: a sweep trained with --diagnose keeps
# each point's r.layers (grad norms, steps, dead and saturated fractions
# per layer and epoch) and its verdicts, so the points a rerun takes from
# the store print the same r.layers and r.diagnosis as the trained ones.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
cat >s.fx <<'FX'
seed 4
let data = random_data(120, 4, classes: 2)
model net { dense(8) relu dense(2) }
let runs = sweep lr in [3.0, 0.01] {
    train net on data, optimizer: sgd(lr: lr), epochs: 3, batch: 16
}
for r in runs.results { print r.label, len(r.layers), r.layers[1].dead, keys(r.diagnosis) }
for r in runs.results { print r.layers, r.diagnosis }
FX
"$FX" -q --threads 1 --diagnose --out res s.fx 2>&1 | grep -v '^diagnosis of\|^  ' >trained.txt
"$FX" -q --threads 1 --diagnose --out res s.fx >stored.txt 2>&1
"$FX" --threads 1 --diagnose --out res s.fx 2>&1 | grep '^sweep:'
head -n 2 stored.txt | cut -c 1-120
[ -s trained.txt ] && cmp -s trained.txt stored.txt &&
    echo "the stored points' r.layers and r.diagnosis equal the trained ones'"
exit 0   # the output above is what is checked
