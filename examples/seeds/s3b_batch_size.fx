# Seed 003 (003_2ad709392343d6a7.txt), example 2: batch size 8 against
# 256, with the same data and model as example 1 (Adam 0.001, 10 epochs).
#
# What it shows: the per-batch loss of batch 8 is far noisier than batch
# 256's; with 125 steps an epoch instead of 4, batch 8 also moves further.
import "lib.fx"
seed 5

let data = random_data(1000, 10, dist: "uniform", classes: 2)
model net(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }

let runs = sweep batch in [8, 256] {
    train net on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy, epochs: 10, batch: batch
}
plot runs.loss title "loss per epoch"
plot runs[0].batch_loss, runs[1].batch_loss, labels: ["batch 8", "batch 256"], title: "loss per batch"
table runs

print format("noise of the per-batch loss: batch 8 {:.4f}, batch 256 {:.4f}",
             noise(runs[0].batch_loss), noise(runs[1].batch_loss))
assert noise(runs[0].batch_loss) > 3 * noise(runs[1].batch_loss), "batch 8 is much noisier"
