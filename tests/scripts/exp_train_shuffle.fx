# shuffle: false walks the data in order every epoch, so the per-batch
# losses repeat the data's order; shuffled (the default) they do not.
# log: "batch" prints one line per batch instead of one per epoch.
seed 3
let d = regression(fn (x) => 2*x + 1, 20, range: [0, 1], noise: 0.1)
model lin { dense(1) }
let r = train lin on d, epochs: 2, batch: 10, shuffle: false, optimizer: sgd(lr: 0.1), log: "batch"
let a = train lin on d, epochs: 1, batch: 5, shuffle: false, optimizer: sgd(lr: 0), log: "none", seed: 1
let b = train lin on d, epochs: 1, batch: 5, optimizer: sgd(lr: 0), log: "none", seed: 1
# With lr 0 the weights stay put: the batches differ, the epoch's loss (a
# mean over every sample) does not.
print a.batch_loss == b.batch_loss
print format("{:.6f} {:.6f}", a.loss[0], b.loss[0])
