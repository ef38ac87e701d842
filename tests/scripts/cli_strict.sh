# --strict: a failed sweep point or a diverged run makes the exit status 1
# (by default such a script exits 0: the sweep keeps its other points);
# the same with the points in child processes (jobs: 2). A clean script
# stays 0 under --strict.
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/fail.fx" <<'FX'
let v = sweep x in [1, 0, 2], jobs: JOBS { 10 / x }
FX
cat >"$dir/diverge.fx" <<'FX'
seed 3
let d = regression(fn (x) => 3*x, 20, range: [0, 10], noise: 0.1)
model lin { dense(1) }
let s = sweep lr in [0.001, 1], jobs: JOBS {
    train lin on d, epochs: 50, batch: 20, optimizer: sgd(lr: lr), log: "none"
}
FX
for jobs in 1 2; do
    for f in fail diverge; do
        sed "s/JOBS/$jobs/" "$dir/$f.fx" >"$dir/t.fx"
        "$FX" -q "$dir/t.fx" >/dev/null; a=$?
        "$FX" -q --strict "$dir/t.fx" >/dev/null; b=$?
        echo "$f jobs $jobs: $a, --strict $b"
    done
done
"$FX" --strict -e 'let r = sweep x in [1, 2] { x * 2 }'; echo "clean --strict: $?"
"$FX" --strict -e 'seed 3
let d = regression(fn (x) => 3*x, 20, range: [0, 10], noise: 0.1)
model lin { dense(1) }
let r = train lin on d, epochs: 50, batch: 20, optimizer: sgd(lr: 1), log: "none"' >/dev/null
echo "train alone: $?"
