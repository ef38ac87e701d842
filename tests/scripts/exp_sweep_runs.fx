# A sweep of training runs: runs.loss, runs.val_loss, ... are sets of
# curves, one per point, labelled with the point; runs[i] is the point's
# run, labelled too.
seed 3
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let d = blobs(40, centers: 2, std: 3)
let s = split(d, 0.25)
model m { dense(4, activation: "relu") dense(2) }
let runs = sweep lr in [0.01, 0.1], batch in [10, 30] {
    train m on s.train, validate: s.test, epochs: 2, batch: batch, optimizer: sgd(lr: lr), log: "none"
}
print runs.val_loss
print runs.labels
for i in range(len(runs)) { print runs[i].label, "|", f4(runs[i].loss), "|", f4(runs.val_loss[i]) }
print runs.status
print runs.epochs
print runs[2].model
