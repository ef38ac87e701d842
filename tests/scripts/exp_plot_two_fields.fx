# Two fields of one sweep in one plot: each legend label starts with its
# field, so the curves can be told apart; one field alone keeps the
# point's label.
seed 0
let d = blobs(60, centers: 2)
let v = blobs(20, centers: 2)
model m { dense(2) }
let runs = sweep rate in [0, 0.5] {
    train m on d, validate: v, epochs: 3, batch: 20, optimizer: sgd(lr: 0.1 + rate), log: "none"
}
plot runs.val_loss, runs.loss, width: 60, height: 5, mode: "ascii"
plot runs.loss, width: 60, height: 5, mode: "ascii"
