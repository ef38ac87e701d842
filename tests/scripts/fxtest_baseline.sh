# Baselines: assert_close without its file fails and says how to write
# it; fx test --update-baselines writes it (folders too) and passes; the
# same run then passes against it; a baseline from another learning rate
# fails, naming the worst value; a bad tolerance or file type is an error.
FX=$(cd "$(dirname "$FX")" && pwd)/$(basename "$FX")
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
untimed() { sed -E 's/  [0-9]+\.[0-9]+s$//; s/ in [0-9]+\.[0-9]+s$//'; }
cat >"$d/run.fx" <<'F'
seed 4
let lr = num(env("LR", "0.01"))
let d = random_data(200, 4, classes: 2)
model net { dense(8) relu dense(2) }
let r = train net on d, optimizer: adam(lr: lr), epochs: 4, batch: 50
assert_close(r, "base/line/run.jsonl", rtol: 0.02)
F
cd "$d" || exit 1
echo "-- no baseline"; "$FX" test run.fx | untimed
echo "-- update"; "$FX" test --update-baselines run.fx | untimed; ls base/line
echo "-- same"; "$FX" test run.fx | untimed
echo "-- another learning rate"; LR=0.05 "$FX" test run.fx | untimed
echo "-- a CSV baseline from save"
printf 'seed 4\nlet d = random_data(200, 4, classes: 2)\nmodel net { dense(8) relu dense(2) }\nlet r = train net on d, optimizer: adam(lr: 0.01), epochs: 4, batch: 50\nsave r to "r.csv"\nassert_close(r, "r.csv")\n' >csv.fx
"$FX" -q csv.fx; echo "exit $?"
echo "-- errors"
"$FX" -e 'assert_close([1, 2], "x.txt")' 2>&1; echo "exit $?"
"$FX" -e 'assert_close([1, 2], "x.jsonl", rtol: -1)' 2>&1; echo "exit $?"
