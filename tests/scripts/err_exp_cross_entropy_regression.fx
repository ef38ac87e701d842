# cross_entropy on regression targets.
let d = regression(fn (x) => 2*x, 10, seed: 1)
model m { dense(1) }
let r = train m on d, loss: cross_entropy
