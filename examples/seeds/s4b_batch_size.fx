# Seed 004 (004_f55d63513efad8be.txt), example 2: 1000 samples, batch 10
# against batch 100, one epoch, the per-batch loss (linear 10 -> 2,
# cross-entropy, SGD 0.01, no shuffling).
#
# What it shows: batch 10's loss jumps around from step to step far more
# than batch 100's.
import "lib.fx"
seed 8

let data = random_data(1000, 10, classes: 2)
model linear { dense(2) }
let runs = sweep batch in [10, 100] {
    train linear on data, optimizer: sgd(lr: 0.01), loss: cross_entropy,
          epochs: 1, batch: batch, shuffle: false, log: "batch"
}
plot runs[0].batch_loss, runs[1].batch_loss, labels: ["batch 10", "batch 100"], title: "loss per batch"

print format("noise of the per-batch loss: batch 10 {:.4f}, batch 100 {:.4f}",
             noise(runs[0].batch_loss), noise(runs[1].batch_loss))
assert noise(runs[0].batch_loss) > 2 * noise(runs[1].batch_loss), "batch 10 is much noisier"
