# Repeats over seeds (sweep ..., repeat: k / seeds: [...]): a point's
# fields are the mean over its repeats, .std (sample), .min and .max the
# spread epoch by epoch, .runs and .seeds the single runs; the repeat with
# the script's seed is the unrepeated point, bit for bit; jobs: 2 gives
# the same numbers as jobs: 1; table shows mean +- std and the repeats;
# compare() runs Welch's t-test; bad options are located errors.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$FX" --threads 1 -q lib/sweep_repeat_body.fx 1 >"$d/j1" 2>&1
"$FX" --threads 1 -q lib/sweep_repeat_body.fx 2 >"$d/j2" 2>&1
cmp -s "$d/j1" "$d/j2" && echo "jobs 2 equals jobs 1"
sed -n '1,2p;5,$p' "$d/j1"
cat >"$d/plain.fx" <<'FX'
seed 4
let data = random_data(240, 5, classes: 2)
model net { dense(12) relu dense(2) }
let runs = sweep lr in [0.05, 0.00001], SEEDS {
    train net on data, optimizer: adam(lr: lr), epochs: 5, batch: 16, validation_split: 0.25
}
print RUN.loss
FX
sed 's/, SEEDS//; s/RUN/runs[1]/' "$d/plain.fx" >"$d/a.fx"
sed 's/SEEDS/seeds: [9, 4]/; s/RUN/runs[1].runs[1]/' "$d/plain.fx" >"$d/b.fx"
sed 's/SEEDS/seeds: [9, 4]/; s/RUN/runs[1].runs[0]/' "$d/plain.fx" >"$d/c.fx"
"$FX" -q "$d/a.fx" >"$d/a"; "$FX" -q "$d/b.fx" >"$d/b"; "$FX" -q "$d/c.fx" >"$d/c"
cmp -s "$d/a" "$d/b" && echo "the repeat with seed 4 is the unrepeated point"
cmp -s "$d/a" "$d/c" || echo "the repeat with seed 9 differs"
echo "table:"
"$FX" -q -e 'seed 1
let data = random_data(100, 3, classes: 2)
model m { dense(2) }
let s = sweep lr in [0.1, 0.01], repeat: 2 { train m on data, epochs: 2, optimizer: sgd(lr: lr) }
table s
table s[0]' | grep '^|' | cut -d'|' -f1-4
echo "errors:"
"$FX" -e 'sweep a in [1], repeat: 2, seeds: [1, 2] { a }' 2>&1
"$FX" -e 'sweep a in [1], seeds: [1, 1] { a }' 2>&1
"$FX" -e 'sweep a in [1], seeds: [] { a }' 2>&1
"$FX" -e 'sweep a in [1], repeat: 0 { a }' 2>&1
"$FX" -e 'sweep a in [1], repeats: 2 { a }' 2>&1
"$FX" -e 'let s = sweep a in [1, 2] { a }
compare(s[0], s[1])' 2>&1
"$FX" -e 'let s = sweep a in [1, 2], repeat: 2 { a }
print s[0].runs, s[0].value
compare(s[0], s[1], at: "last")' 2>&1
echo "a failing repeat fails its point and names its seed:"
"$FX" -q -e 'seed 0
let s = sweep a in [1], seeds: [0, 1, 2, 3] { let d = random_data(4, 1, classes: 2)
let i = 0
if d.y[1] == 1 and d.y[2] == 1 { i = 7 }
[1, 2][i] }
print s.errors' 2>&1
