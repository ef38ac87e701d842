# fx report: the page over an --out folder holds the environment, a chart
# per metric with a curve per run, a table row per run and the script's
# source (escaped for HTML, its lines kept), each run's diagnosis and
# the model's summary (once for runs sharing it); it is written whole; a folder without a
# manifest is status 1, no folder a usage error (2).
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/s.fx" <<'FX'
# a < b & c
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(2) }
let runs = sweep lr in [0.01, 0.1] {
    train m on d, epochs: 3, batch: 20, optimizer: sgd(lr: lr), log: "none"
}
FX
"$FX" -q --out "$dir/res" "$dir/s.fx"; echo "run: status $?"
"$FX" report "$dir/res"; echo "report: status $?"
f="$dir/res/report.html"
ls "$dir/res" | grep -c 'tmp$' | sed 's/^/temporary files left: /'
sed -n 's/.*<title>fx report: .*\/\([^/]*\)<\/title>.*/title: \1/p' "$f"
v=$(grep -o '<th>fx</th><td>[^<]*' "$f" | sed 's/<th>fx<\/th><td>//')
"$FX" --version | grep -q "^fx $v " && echo "fx version: as fx --version says"
grep -o '<figure class="chart" data-series="[0-9]*"' "$f" | sed 's/.*="/chart with series: /; s/"$//'
grep -o '<text class="title"[^>]*>[^<]*' "$f" | sed 's/.*>/chart: /'
grep -c '<tr><td' "$f" | sed 's/^/table rows: /'
grep -c '# a &lt; b &amp; c' "$f" | sed 's/^/escaped source lines: /'
sed -n '/<pre id="source">/,/<\/pre>/p' "$f" | wc -l | sed 's/^ */source lines in the page: /'
grep -c '<ul id="diagnosis">' "$f" | sed 's/^/diagnosis lists: /'
sed -n '/<ul id="diagnosis">/,/<\/ul>/p' "$f" | grep -c '<li>' | awk '{ print ($1 >= 1 ? "diagnosis entries: at least one" : "diagnosis entries: none") }'
grep -o '<p>runs [0-9, ]*:</p>' "$f"
sed -n '/<pre class="model">/,/<\/pre>/p' "$f" | sed 's/<pre class="model">//; s/<\/pre>//'
"$FX" report "$dir/none" 2>&1 | sed "s|$dir|DIR|"
"$FX" report "$dir/none" 2>/dev/null; echo "status $?"
"$FX" report 2>/dev/null; echo "status $?"
