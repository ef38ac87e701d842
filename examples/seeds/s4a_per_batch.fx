# Seed 004 (004_f55d63513efad8be.txt), example 1: loss fluctuates while
# accuracy holds steady. A linear layer 10 -> 2, cross-entropy, SGD with
# learning rate 0.01, 100 samples of N(0, 1) with random labels in {0, 1},
# batch 10, no shuffling, 10 epochs; loss and accuracy printed per batch.
#
# What it shows: from batch to batch the loss moves up and down by a
# noticeable amount while, epoch to epoch, the accuracy changes little.
import "lib.fx"
seed 7

let data = random_data(100, 10, classes: 2)
model linear { dense(2) }
let r = train linear on data, optimizer: sgd(lr: 0.01), loss: cross_entropy,
              epochs: 10, batch: 10, shuffle: false, log: "batch"
plot r.batch_loss, r.batch_accuracy title "per-batch loss and accuracy"

print format("per-batch loss spread {:.4f}; per-epoch accuracy from {:.2f} to {:.2f}",
             std(r.batch_loss), min(r.accuracy), max(r.accuracy))
assert noise(r.batch_loss) > 0.01, "the per-batch loss fluctuates"
assert max(r.accuracy) - min(r.accuracy) < 0.15, "the per-epoch accuracy stays within a narrow band"
