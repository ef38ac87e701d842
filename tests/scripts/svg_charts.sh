# Every kind of chart the script tests draw (NaN gaps, log axes, bands,
# smoothing, legends, sweeps, grouped and log bars) also drawn as SVG by --svg: each
# picture is valid against the SVG 1.1 subset fx uses (tests/svg11-subset.dtd,
# when xmllint is installed), its y and x tick labels are exactly the
# text chart's, its legend labels appear in the text chart, and its
# series (or bars) are counted: "NAME-N.svg: S series (F faint), L legend
# entries, ticks as the text chart" per chart.
dtd=../svg11-subset.dtd
out=../tmp/svg_charts
rm -rf "$out"; mkdir -p "$out"
for s in exp_plot_gaps exp_plot_log plot_band smooth exp_plot_legend exp_plot_sweep \
         exp_plot_range exp_bars exp_bars_log exp_bars_sweep; do
    "$FX" --svg "$out" "$s.fx" >"$out/$s.txt" || echo "$s: exit status $?"
    # the text chart's tick labels, chart by chart: y rows "LABEL +" above
    # each x axis line, x labels on the line under it
    awk -v dir="$out" -v s="$s" '
        /^ *(\+|├|└)(-|\+|─|┬|┼|┴)+$/ { k++; getline; n = split($0, w, " ")
                        for (i = 1; i <= n; i++) print w[i] > (dir "/" s "-" k ".tx"); next }
        /^ *[-0-9.e+]+ \+/ { sub(/^ */, ""); sub(/ .*/, ""); print > (dir "/" s "-" k + 1 ".ty") }
    ' "$out/$s.txt"
    k=1
    while [ -e "$out/$s-$k.svg" ]; do
        f="$out/$s-$k.svg"
        if command -v xmllint >/dev/null 2>&1; then
            xmllint --noout --dtdvalid "$dtd" "$f" 2>&1 | head -n 5
        fi
        sed -n 's/.*class="ytick"[^>]*>\([^<]*\)<.*/\1/p' "$f" | sort >"$out/y.svg"
        sed -n 's/.*class="xtick"[^>]*>\([^<]*\)<.*/\1/p' "$f" | sort >"$out/x.svg"
        sort "$out/$s-$k.ty" >"$out/y.txt" 2>/dev/null || : >"$out/y.txt"
        sort "$out/$s-$k.tx" >"$out/x.txt" 2>/dev/null || : >"$out/x.txt"
        ticks="ticks as the text chart"
        # bar charts have a value axis only
        { [ -s "$out/y.txt" ] || ! grep -q '<g class="series"' "$f"; } && [ -s "$out/x.txt" ] ||
            ticks="no ticks read from the text chart"
        cmp -s "$out/y.svg" "$out/y.txt" || ticks="y ticks $(tr '\n' ' ' <"$out/y.svg")differ from the text's $(tr '\n' ' ' <"$out/y.txt")"
        cmp -s "$out/x.svg" "$out/x.txt" || ticks="$ticks; x ticks $(tr '\n' ' ' <"$out/x.svg")differ from the text's $(tr '\n' ' ' <"$out/x.txt")"
        sed -n 's/.*class="legend-entry".*<text[^>]*>\([^<]*\)<\/text>.*/\1/p' "$f" |
            while IFS= read -r l; do
                grep -qF -- "$l" "$out/$s.txt" || echo "$s-$k.svg: legend '$l' is not in the text chart"
            done
        what="$(grep -c '<g class="series"' "$f") series ($(grep -c '<g class="series faint"' "$f") faint)"
        grep -q '<g class="series' "$f" || what="$(grep -c '<g class="bar"' "$f") bars in $(grep -c 'class="group"' "$f") groups"
        echo "$s-$k.svg: $what," \
             "$(grep -c 'class="legend-entry"' "$f") legend entries, $ticks"
        k=$((k + 1))
    done
done
