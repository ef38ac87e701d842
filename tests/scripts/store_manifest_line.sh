# A kill after a point's record is kept in DIR/points but before its line
# reaches DIR/runs.jsonl leaves a stored point the manifest does not list.
# The rerun takes the point from the store and writes its line (and run
# files) again, once: here the line is removed by hand, in the serial and
# the jobs: 2 paths. Each line names its record by "store_key".
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
for jobs in 1 2; do
cat >s.fx <<FX
seed 4
let data = random_data(120, 4, classes: 2)
model net { dense(8) relu dense(2) }
let runs = sweep lr in [0.1, 0.01, 0.001], jobs: $jobs {
    train net on data, optimizer: sgd(lr: lr), epochs: 2, batch: 16
}
print runs.loss
FX
echo "jobs: $jobs"
rm -rf res
"$FX" --threads 1 -q --out res s.fx >first.txt 2>&1
grep '"label": "lr=0.01"' res/runs.jsonl | sed 's/.*"loss"/"loss"/; s/, "files".*//' >line.before
key=$(sed 's/.*"store_key": "\([0-9a-f]*\)".*/\1/' <res/runs.jsonl | sed -n 2p)
[ -e "res/points/$key.fxp" ] && echo "the line of lr=0.01 names its record"
grep -v '"label": "lr=0.01"' res/runs.jsonl >m && mv m res/runs.jsonl
echo "lines before the rerun: $(grep -c '"status": "ok"' res/runs.jsonl)"
"$FX" --threads 1 --out res s.fx >second.txt 2>&1; echo "rerun: status $?"
grep '^sweep' second.txt | sed 's/res\/runs/DIR\/runs/'
echo "lines after it: $(grep -c '"status": "ok"' res/runs.jsonl)"
echo "lines of lr=0.01: $(grep -c '"label": "lr=0.01"' res/runs.jsonl)"
grep '"label": "lr=0.01"' res/runs.jsonl | sed 's/.*"loss"/"loss"/; s/, "files".*//' | cmp -s - line.before &&
    echo "its line holds the same numbers as before"
grep -c "\"store_key\": \"$key\"" res/runs.jsonl | sed 's/^/lines naming its key: /'
run=$(grep '"label": "lr=0.01"' res/runs.jsonl | sed 's/.*"run": \([0-9]*\).*/\1/')
[ -s "res/run-$run.csv" ] && echo "and its run files are there"
"$FX" --threads 1 --out res s.fx >third.txt 2>&1
grep -c 'written again' third.txt | sed 's/^/third run, lines written again: /'
echo "lines after a third run: $(grep -c '"status": "ok"' res/runs.jsonl)"
grep -v '^sweep\|^epoch' third.txt | cmp -s - first.txt && echo "the results are those of the first run"
done
exit 0   # the output above is what is checked
