# smooth(): TensorBoard's debiased EMA. The first point is itself (no pull
# towards 0), a constant stays constant, NaN is kept and skipped.
print smooth([1, 2, 3, nan, 10], 0.5)
print smooth([5, 5, 5], 0.9)
print smooth([4, 8], 0)
print smooth([2, 4])
# plot smooth: draws each raw curve faint ('.') under its smoothed one
let xs = map(range(40), fn (i) => 10 / (i + 1) + (i % 2) * 2)
plot xs, smooth: 0.8, width: 60, height: 8, mode: "ascii" title "smoothed"
