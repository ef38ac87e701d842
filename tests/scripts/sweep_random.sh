# Random search (sweep ..., samples: n): the same script picks the same
# points; point k is the same whatever n is; a list is a choice among its
# values; draws stay inside their bounds (randint includes both ends) and
# loguniform's logarithms spread evenly; jobs: 2 gives the same points and
# results as jobs: 1; a different seed picks other points; bad bounds, a
# distribution without samples: and bad samples: are located errors.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/s.fx" <<'FX'
seed 7
let n = num(args[0])
let runs = sweep lr in loguniform(1e-4, 1e-1), b in choice([16, 32]), k in [1, 2, 3],
                 u in uniform(-1, 1), r in randint(1, 3), samples: n, jobs: num(args[1]) {
    lr * 1000 + b + k + u + r
}
print runs.labels
print runs.results
FX
"$FX" -q "$d/s.fx" 6 1 >"$d/a"
"$FX" -q "$d/s.fx" 6 1 >"$d/b"
"$FX" -q "$d/s.fx" 6 2 >"$d/c"
"$FX" -q "$d/s.fx" 3 1 >"$d/p"
cmp -s "$d/a" "$d/b" && echo "the same script picks the same points"
cmp -s "$d/a" "$d/c" && echo "jobs 2 equals jobs 1"
head -1 "$d/a"
"$FX" -q -e 'seed 7
let s = sweep lr in loguniform(1e-4, 1e-1), samples: 3 { lr }
let t = sweep lr in loguniform(1e-4, 1e-1), samples: 6 { lr }
print s.results == t.results[0:3]
seed 8
let o = sweep lr in loguniform(1e-4, 1e-1), samples: 3 { lr }
print o.results != s.results'
echo "bounds over 2000 draws:"
"$FX" -q -e 'seed 1
let s = sweep u in uniform(2, 3), g in loguniform(0.001, 1000), r in randint(-1, 1), c in [4, 5], samples: 2000 { [u, g, r, c] }
let us = map(s.params, fn (p) => p.u)
let gs = map(s.params, fn (p) => p.g)
let rs = map(s.params, fn (p) => p.r)
let cs = map(s.params, fn (p) => p.c)
print min(us) >= 2, max(us) < 3, min(gs) >= 0.001, max(gs) < 1000
print min(rs), max(rs), min(cs), max(cs)
print len(filter(rs, fn (r) => r != floor(r))) == 0
let low = len(filter(gs, fn (g) => g < 1))
print "log-spread: half below 1:", abs(low / 2000 - 0.5) < 0.05
print "randint -1 share near 1/3:", abs(len(filter(rs, fn (r) => r == -1)) / 2000 - 1/3) < 0.05
print "choice 4 share near 1/2:", abs(len(filter(cs, fn (c) => c == 4)) / 2000 - 0.5) < 0.05' 2>&1
echo "errors:"
"$FX" -e 'sweep lr in loguniform(1e-4, 1e-1) { lr }' 2>&1
"$FX" -e 'sweep lr in loguniform(0, 1), samples: 2 { lr }' 2>&1
"$FX" -e 'sweep lr in uniform(1, 1), samples: 2 { lr }' 2>&1
"$FX" -e 'sweep lr in randint(1.5, 3), samples: 2 { lr }' 2>&1
"$FX" -e 'sweep lr in choice([]), samples: 2 { lr }' 2>&1
"$FX" -e 'sweep lr in [0.1], samples: 0 { lr }' 2>&1
"$FX" -e 'sweep lr in 3, samples: 2 { lr }' 2>&1
"$FX" -e 'sweep lr in [0.1], sample: 2 { lr }' 2>&1
exit 0   # the output above is what is checked
