# table of a sweep of runs: one row per point, its values, then final and
# best metrics, epochs, seconds (dropped by the .sh, as they vary) and
# status. A failed point says why.
seed 3
let d = blobs(40, centers: 2, std: 3)
let s = split(d, 0.25)
model m { dense(4, activation: "relu") dense(2) }
let runs = sweep lr in [0.01, 0.1, -1], batch in [10, 30] {
    train m on s.train, validate: s.test, epochs: 3, batch: batch, optimizer: sgd(lr: lr), log: "none"
}
table runs
# Without validation there are no val or best columns.
let plain = sweep lr in [0.01, 0.1] { train m on d, epochs: 2, batch: 10, optimizer: sgd(lr: lr), log: "none" }
table plain
# A list of runs: one row each.
table [runs[0], runs[3]]
