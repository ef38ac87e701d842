# The resumable store under SIGKILL: a sweep writing --out DIR is killed
# 20 times at moments spread over its run, then run to its end. A point
# kept in DIR/points is never lost nor changed by a later attempt, a point
# kept before an attempt is never started again by it (its "sweep k/N:"
# line says "from the store"), the manifest has exactly one line per
# point, and the results after the last run equal, bit for bit, those of
# a run that was never killed.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cat >"$d/s.fx" <<'FX'
seed 5
let data = random_data(3000, 16, classes: 2)
model net { dense(64) relu dense(64) relu dense(2) }
let runs = sweep lr in [0.3, 0.1, 0.03, 0.01, 0.003, 0.001], jobs: 1 {
    train net on data, optimizer: adam(lr: lr), epochs: 8, batch: 16, validation_split: 0.2
}
print runs.loss
print runs.val_loss
print map(runs.results, fn (r) => r.model.params)
FX
cd "$d" || exit 1
"$FX" --threads 1 -q --out clean s.fx >clean.txt 2>&1
# where the kills fall: spread over about one run of the sweep
start=$(date +%s%N); "$FX" --threads 1 -q s.fx >/dev/null 2>&1; took=$(( ($(date +%s%N) - start) / 1000000 ))
awk -v t="$took" 'BEGIN { srand(13); for (i = 0; i < 20; i++) printf "%.3f\n", (0.05 + rand()) * t / 1000 }' >moments
lost=0; again=0; i=0
while read -r s; do
    i=$((i + 1))
    (cd store 2>/dev/null && ls points 2>/dev/null | xargs -r md5sum) >before 2>/dev/null || : >before
    # labels of the points kept before this attempt
    cat store/points/*.fxp 2>/dev/null | grep -a '^fx-point' | sed 's/.* label=//' | sort >kept
    stdbuf -oL "$FX" --threads 1 --out store s.fx >"out$i" 2>&1 &
    pid=$!
    sleep "$s"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    (cd store/points 2>/dev/null && md5sum -c --quiet ../../before >/dev/null 2>&1) ||
        { [ -s before ] && lost=$((lost + 1)); }
    grep '^sweep [0-9]*/6: ' "out$i" | grep -v 'from the store' | sed 's/^sweep [0-9]*\/6: //' |
        sort >started
    [ -n "$(comm -12 kept started)" ] && again=$((again + 1))
done <moments
echo "kills: $i"
echo "attempts that lost or changed a kept point: $lost"
echo "attempts that started a kept point again: $again"
"$FX" -q --out store s.fx >final.txt 2>&1
cmp -s final.txt clean.txt && echo "after the kills, the results equal the clean run's"
"$FX" --out store s.fx | grep '^sweep:'
echo "points kept: $(ls store/points | grep -c '\.fxp$')"
n=$(grep -c '"status": "ok"' store/runs.jsonl)
dup=$(grep '"status": "ok"' store/runs.jsonl | sed 's/.*"label": "\([^"]*\)".*/\1/' | sort | uniq -d | wc -l)
[ "$n" -eq 6 ] && [ "$dup" -eq 0 ] && echo "the manifest has exactly one line per point"
exit 0   # the output above is what is checked
