# store: "DIR" on a sweep is --out DIR for that sweep, the same store:
# DIR resolves against the script's folder (here s/res, run from the
# folder above), a second run trains no point and prints the same, the
# command line's --out wins over store: (and keeps the same keys: one
# format), and a changed script's stale store is refused, naming store:.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
mkdir "$d/s"
cat >"$d/s/s.fx" <<'FX'
seed 3
let data = random_data(120, 4, classes: 2)
model net { dense(8) relu dense(2) }
let runs = sweep lr in [0.1, 0.01, 0.001], store: "res" {
    train net on data, optimizer: sgd(lr: lr), epochs: 2, batch: 16
}
for r in runs.results { print r.label, r.loss, r.accuracy }
FX
cd "$d" || exit 1
"$FX" --threads 1 s/s.fx >first.txt 2>&1; echo "first run: status $?"
grep '^sweep [0-9]' first.txt | grep -vc 'from the store' | sed 's/^/points trained: /'
echo "points in s/res: $(ls s/res/points | grep -c '\.fxp$')"
[ -e res ] || echo "nothing in the folder fx was run from"
"$FX" --threads 1 s/s.fx >second.txt 2>&1; echo "second run: status $?"
grep '^sweep:' second.txt
grep '^sweep [0-9]' second.txt | grep -vc 'from the store' | sed 's/^/points trained: /'
grep -v '^sweep\|^epoch' first.txt >a; grep -v '^sweep\|^epoch' second.txt >b
[ -s a ] && cmp -s a b && echo "the second run prints the same results"
# --out on the command line wins
cat s/res/points/* s/res/runs.jsonl | md5sum >sum1
"$FX" --threads 1 -q --out cli s/s.fx >third.txt 2>&1; echo "with --out cli: status $?"
echo "points in cli: $(ls cli/points | grep -c '\.fxp$')"
ls s/res/points >k1; ls cli/points >k2
cmp -s k1 k2 && echo "store: and --out keep a point under the same key"
cmp -s a third.txt && echo "and the same results"
cat s/res/points/* s/res/runs.jsonl | md5sum | cmp -s - sum1 && echo "s/res is left as it was"
# a changed script: the store is stale
sed 's/epochs: 2/epochs: 3/' s/s.fx >s/t.fx && mv s/t.fx s/s.fx
"$FX" --threads 1 s/s.fx >fourth.txt 2>&1; echo "changed script: status $?"
sed 's/^.*s\.fx:/s.fx:/' fourth.txt
echo "points in s/res: $(ls s/res/points | grep -c '\.fxp$')"
exit 0   # the output above is what is checked
