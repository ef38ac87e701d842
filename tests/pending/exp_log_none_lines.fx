# log: "none" prints nothing while training, also for solver: "lstsq"
# (today it prints "least squares: train mse ...").
let d = regression(fn (x) => 2*x + 1, 20, range: [0, 1], noise: 0.1, seed: 1)
model lin { dense(1) }
let r = train lin on d, solver: "lstsq", log: "none"
print r.epochs
