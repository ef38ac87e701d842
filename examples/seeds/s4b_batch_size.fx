# Seed 004 (004_f55d63513efad8be.txt), example 2: 1000 samples, batch 10
# against batch 100, one epoch, the per-batch loss (linear 10 -> 2,
# cross-entropy, SGD 0.01, no shuffling).
#
# What it shows: batch 10's loss jumps around from step to step far more
# than batch 100's. One seed is not enough to say so: batch 100 makes only
# 10 steps, so its noise is measured from 9 differences, and for some
# seeds the two are close. Each point is trained over 10 seeds (new data
# and new initial weights each), and the claim is made over them: the
# mean noise and Welch's t-test between the two sets of 10.
import "lib.fx"
seed 8

model linear { dense(2) }
let runs = sweep batch in [10, 100], repeat: 10 {
    let data = random_data(1000, 10, classes: 2)
    train linear on data, optimizer: sgd(lr: 0.01), loss: cross_entropy,
          epochs: 1, batch: batch, shuffle: false, log: "batch"
}
plot runs[0].runs[0].batch_loss, runs[1].runs[0].batch_loss, labels: ["batch 10", "batch 100"],
     title: "loss per batch, first seed"

let n10 = map(runs[0].runs, fn (r) => noise(r.batch_loss))
let n100 = map(runs[1].runs, fn (r) => noise(r.batch_loss))
let c = compare(n10, n100)
print format("noise of the per-batch loss over 10 seeds: batch 10 {:.4f} +- {:.4f}, batch 100 {:.4f} +- {:.4f}",
             c.mean_a, c.std_a, c.mean_b, c.std_b)
print format("Welch's t-test: t = {:.2f}, p = {:.2g}", c.t, c.p)
assert mean(n10) > 2 * mean(n100), "batch 10 is much noisier, over 10 seeds"
assert c.differ and c.diff > 0, "beyond seed noise"
