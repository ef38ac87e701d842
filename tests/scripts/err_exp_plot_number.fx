# plot needs curves; for single numbers the hint points to bars.
let acc = 0.93
plot acc
