# --quiet (-q): no epoch lines, no sweep lines, no early-stopping line;
# results (print, plot, table) and a divergence stay.
"$FX" -q exp_quiet.fx
echo "--"
"$FX" exp_quiet.fx
