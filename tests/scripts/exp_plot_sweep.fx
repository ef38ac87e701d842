# plot of a sweep draws every point's loss (and val_loss); a sweep's field
# one curve per point, labelled with the point's values. A failed point is
# left out.
seed 3
let d = blobs(60, centers: 2, std: 3)
let s = split(d, 0.25)
model m { dense(8, activation: "relu") dense(2) }
let runs = sweep lr in [0.01, 0.1] {
    train m on s.train, validate: s.test, epochs: 5, batch: 15, optimizer: sgd(lr: lr), log: "none"
}
plot runs, width: 60, height: 8
plot runs.val_loss, width: 60, height: 8 title "validation loss"
plot runs[0], runs[1].val_loss, width: 60, height: 6
