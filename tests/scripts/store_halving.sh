# Successive halving with a store: every rung's run of every point is
# kept (DIR/points, under the point's key with the rung's epoch cap), and
# each point's outcome once the halving ends. A run killed between rungs
# (here: the records of the rungs after the first, the outcomes and the
# manifest removed, as a kill before them leaves the folder) resumes: it takes the
# first rung from the store, trains only what is missing, and promotes
# and prunes the same points at the same epochs as the uninterrupted run.
# A complete store trains nothing and ranks nothing.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
cat >s.fx <<'FX'
seed 2
let data = random_data(160, 4, classes: 2)
model net { dense(8) relu dense(2) }
let s = sweep lr in [0.3, 0.1, 0.03, 0.01, 0.003, 0.001], prune: halving(min_epochs: 1, eta: 2, monitor: "loss"), jobs: 1 {
    train net on data, optimizer: sgd(lr: lr), epochs: 6, batch: 16
}
for r in s.results { print r.label, r.status, r.epochs, r.loss[-1] }
FX
"$FX" --threads 1 -q s.fx >clean.txt 2>&1
"$FX" --threads 1 --out res s.fx >first.txt 2>&1; echo "first run: status $?"
grep -c '^sweep [0-9]*/6: ' first.txt | sed 's/^/point runs: /'
grep -v '^sweep\|^halving\|^epoch' first.txt | cmp -s - clean.txt && echo "the same outcome as without a store"
grep -ah '^fx-point' res/points/*.fxp | grep -c 'halving rung' | sed 's/^/rung records: /'
grep -ah '^fx-point' res/points/*.fxp | grep -vc 'halving rung' | sed 's/^/outcome records: /'
grep '"status"' res/runs.jsonl | sed 's/.*"label": "\([^"]*\)".*"status": "\([^"]*\)", "epochs": \([0-9]*\).*/\1 \2 \3/'
# as a kill after the first rung leaves it: no outcome, no manifest line
rm -f res/runs.jsonl res/run-*
for f in res/points/*.fxp; do
    head -n 1 "$f" | grep -aq 'halving rung: 1 epochs)' || rm "$f"
done
echo "records left: $(ls res/points | grep -c '\.fxp$')"
"$FX" --threads 1 --out res s.fx >second.txt 2>&1; echo "rerun: status $?"
grep '^sweep [0-9]*/6: \|^halving' second.txt
grep -v '^sweep\|^halving\|^epoch' second.txt | cmp -s - clean.txt &&
    echo "the rerun promotes and prunes the same points at the same epochs"
# a complete store: nothing trains, nothing is ranked
"$FX" --threads 1 --out res s.fx >third.txt 2>&1; echo "third run: status $?"
grep -c '^halving' third.txt | sed 's/^/rungs run: /'
grep '^sweep [0-9]*/6: ' third.txt | grep -vc 'from the store' | sed 's/^/points trained: /'
grep -v '^sweep\|^halving\|^epoch' third.txt | cmp -s - clean.txt && echo "and the same outcome"
echo "manifest lines: $(grep -c '"status"' res/runs.jsonl)"
exit 0   # the output above is what is checked
