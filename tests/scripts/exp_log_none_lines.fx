# log: "none" prints nothing while training: today solver: "lstsq" still
# prints "least squares: train mse ...", and early stopping "stopped early
# after epoch 2: best loss at epoch 1" (both are hidden by --quiet).
let d = regression(fn (x) => 2*x + 1, 20, range: [0, 1], noise: 0.1, seed: 1)
model lin { dense(1) }
let r = train lin on d, solver: "lstsq", log: "none"
let s = train lin on d, epochs: 5, batch: 20, shuffle: false, optimizer: sgd(lr: 0), patience: 0, log: "none"
print r.epochs, s.epochs, s.stopped_early
