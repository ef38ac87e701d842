# plot ..., to: writes the SVG relative to the script's folder, making
# the folders, with nothing printed for the chart and no temporary file
# left; the title is escaped for XML; the NaN splits the first curve.
rm -rf ../tmp/plot_to
cd .. && "$FX" scripts/plot_to.fx; echo "status $?"
cd scripts
f=../tmp/plot_to/loss.svg
ls ../tmp/plot_to
grep -o '<text class="title"[^>]*>[^<]*' "$f" | sed 's/.*>//'
echo "series: $(grep -c '<g class="series"' "$f"), lines: $(grep -c '<polyline' "$f")"
