# load_csv keeps the numbers it reads exact as fx values (doubles), while
# the data set trains on float32: a history save wrote reads back equal,
# and so do the samples that split, take, reshape and concat keep.
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/t.fx" <<'FX'
seed 1
let d = blobs(60, centers: 2)
model m { dense(2) }
let r = train m on d, epochs: 3, batch: 20, log: "none"
save r to "h.csv"
let h = load_csv("h.csv", label: "epoch", regression: true)
print h.x[0][0] == r.loss[0], h.x[-1][0] == r.loss[-1]
let p = load_csv("p.csv", label: "t", regression: true)
print p.x, p.y
print p.x[0][0] == 1.6606741228592063, p.y[1] == 0.30000000000000004
let s = split(p, fraction: 0.5, seed: 2)
print s.train.x[0][0] == p.x[0][0] or s.train.x[0][0] == p.x[1][0]
print take(p, 1, 2).x, reshape(p, [2, 1]).x[1], concat(p, p).y
FX
printf 'a,b,t\n1.6606741228592063,2,0.1\n0.1,3.25,0.30000000000000004\n' >"$dir/p.csv"
cd "$dir" && "$FX" t.fx
