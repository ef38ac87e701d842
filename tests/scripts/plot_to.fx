# plot ..., to: "FILE.svg" writes the chart as SVG, relative to the
# script (plot_to.sh runs it from another folder), instead of printing it.
let a = [1.0, 0.5, nan, 0.3, 0.2]
plot a, [2, 1, 0.8, 0.6, 0.5], title: "loss & <val>", to: "../tmp/plot_to/loss.svg"
print "after the chart"
