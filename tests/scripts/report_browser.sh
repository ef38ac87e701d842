# fx report's page in a real browser: headless chromium loads it from a
# file with the network off, the page's inline script runs without an
# error (it marks the body data-fx-report="ready"; a console error is
# logged to stderr), every chart is in the DOM with as many series as the
# figure says and as the runs have, and a screenshot is kept as
# build/test-report.png. Exit status 77 (skipped) without chromium.
browser=$(command -v chromium || command -v chromium-browser)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install -y chromium)"; exit 77; }
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/s.fx" <<'FX'
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(8) relu dense(2) }
let runs = sweep lr in [0.01, 0.1, 0.5] {
    train m on d, epochs: 4, batch: 20, optimizer: sgd(lr: lr), log: "none"
}
FX
"$FX" -q --out "$dir/res" "$dir/s.fx"; echo "run: status $?"
"$FX" report "$dir/res" -o "$dir/r.html"; echo "report: status $?"
grep -c -e ' src=' -e ' href=' -e '@import' -e 'url(http' "$dir/r.html" | sed 's/^/references to other files: /'
chrome() { timeout 60 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
           --disable-extensions --proxy-server=127.0.0.1:9 --enable-logging=stderr --v=0 "$@"; }
chrome --dump-dom "file://$dir/r.html" >"$dir/dom.html" 2>"$dir/log"
grep -c 'data-fx-report="ready"' "$dir/dom.html" | sed 's/^/script ran: /'
grep -i 'console' "$dir/log" | grep -ci 'error' | sed 's/^/console errors: /'
grep -o '<figure class="chart" data-series="[0-9]*"' "$dir/dom.html" | sed 's/.*="/chart with series: /; s/"$//'
# each chart's drawn series (the figure's count, from the DOM)
awk '/<figure/ { if (n) print "drawn: " s; n = 1; s = 0 } /<g class="series"/ { s++ }
     END { if (n) print "drawn: " s }' "$dir/dom.html"
grep -c '<tr><td' "$dir/dom.html" | sed 's/^/table rows: /'
mkdir -p ../../build
chrome --screenshot="$dir/shot.png" --window-size=1000,1600 "file://$dir/r.html" 2>/dev/null
[ -s "$dir/shot.png" ] && cp "$dir/shot.png" ../../build/test-report.png && echo "screenshot kept"
