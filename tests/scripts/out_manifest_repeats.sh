# --out with a sweep over repeats: every repeat's run gets its files and
# its manifest line, naming its seed, the same whether the points run in
# this process or in child processes (jobs: 2). The thread count is
# masked: a child point trains with cores / jobs threads, and says so.
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/r.fx" <<'FX'
seed 3
let d = regression(fn (x) => 3*x, 20, range: [0, 10], noise: 0.1)
model lin { dense(1) }
let s = sweep lr in [0.001, 0.01], repeat: 2 {
    train lin on d, epochs: 2, batch: 20, optimizer: sgd(lr: lr), log: "none"
}
FX
cd "$dir" || exit 1
"$FX" -q --out one r.fx
"$FX" -q --out two --jobs 2 r.fx
for o in one two; do
    sed -e 's/"seconds": [^,]*/"seconds": S/' -e 's/"script": "[^"]*"/"script": S/' \
        -e 's/"threads": [0-9]*/"threads": T/' \
        -e 's/"loss": [^,]*/"loss": L/g' "$o/runs.jsonl" >"$o.txt"
done
cmp -s one.txt two.txt && echo "jobs 2 writes what jobs 1 writes"
cut -d, -f2,5-7 two.txt
ls two | grep -c '^run-'
