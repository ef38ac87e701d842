# Used by sweep_jobs.sh: a sweep of an MLP and a small CNN whose points
# print, fail, and return runs, numbers and records; every number printed
# at full precision so that jobs 1 and jobs 2 can be compared bit for bit.
seed 7
let data = random_data(300, 6, dist: "uniform", classes: 2)
model net { dense(16) relu dense(1) sigmoid }
let runs = sweep lr in [0.3, 0.03, 0.003], batch in [16, 64], jobs: num(args[0]) {
    train net on data, optimizer: adam(lr: lr), loss: binary_cross_entropy,
          epochs: 4, batch: batch
}
for r in runs.results {
    print format("{} {:.17g} {:.17g} {}", r.label, r.loss[-1], r.accuracy[-1], r.status)
}
let imgs = random_images(64, [1, 8, 8], classes: 3)
model cnn { conv2d(4, 3, pad: 1) relu maxpool(2) flatten dense(3) }
let c = sweep rate in [0.01, 0.001], jobs: num(args[0]) {
    let r = train cnn on imgs, optimizer: sgd(lr: rate, momentum: 0.9),
                  loss: cross_entropy, epochs: 2, batch: 16
    let e = evaluate r.model on imgs
    {final: r.loss[-1], weights: e}
}
for p in c.results { print format("{:.17g} {:.17g}", p.final, p.weights.loss) }
let odd = sweep k in [1, 2, 3], jobs: num(args[0]) {
    assert k != 2, "point two fails"
    k * 10
}
print odd.results, len(odd.errors)
let after = train net on data, optimizer: adam(lr: 0.01), loss: binary_cross_entropy,
                  epochs: 1, batch: 32, log: "none"
print format("after {:.17g}", after.loss[-1])
