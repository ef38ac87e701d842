seed 3
let d = blobs(20, centers: 2, std: 3)
model m { dense(2) }
let r = train m on d, epochs: 2, batch: 10
let s = train m on d, epochs: 5, batch: 20, optimizer: sgd(lr: 0), shuffle: false, patience: 0
let runs = sweep lr in [0.1] { train m on d, epochs: 1, batch: 10, optimizer: sgd(lr: lr) }
let g = regression(fn (x) => 3*x, 10, range: [0, 10])
model lin { dense(1) }
let l = train lin on g, solver: "lstsq"
let z = train lin on g, epochs: 30, batch: 10, optimizer: sgd(lr: 1), log: "none"
fn f(x) = x^2
let m = minimize f from 1, lr: 1.5, steps: 1000
print r.epochs, s.epochs, len(runs), z.status, m.diverged
