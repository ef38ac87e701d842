# Seed 003 (003_2ad709392343d6a7.txt), example 2: batch size 8 against
# 256, with the same data and model as example 1 (Adam 0.001, 10 epochs).
#
# What it shows: the per-batch loss of batch 8 is far noisier than batch
# 256's; with 125 steps an epoch instead of 4, batch 8 also moves further.
# For a few seeds the two noises come close, so each point is trained
# over 5 seeds (new data and initial weights each) and the claim is made
# over them, with Welch's t-test.
import "lib.fx"
seed 5

model net(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }

let runs = sweep batch in [8, 256], repeat: 5 {
    let data = random_data(1000, 10, dist: "uniform", classes: 2)
    train net on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy, epochs: 10, batch: batch
}
plot runs.loss title "loss per epoch, mean over 5 seeds"
plot runs[0].runs[0].batch_loss, runs[1].runs[0].batch_loss, labels: ["batch 8", "batch 256"],
     title: "loss per batch, first seed"
table runs

let n8 = map(runs[0].runs, fn (r) => noise(r.batch_loss))
let n256 = map(runs[1].runs, fn (r) => noise(r.batch_loss))
let c = compare(n8, n256)
print format("noise of the per-batch loss over 5 seeds: batch 8 {:.4f} +- {:.4f}, batch 256 {:.4f} +- {:.4f}; p = {:.2g}",
             c.mean_a, c.std_a, c.mean_b, c.std_b, c.p)
assert mean(n8) > 3 * mean(n256), "batch 8 is much noisier, over 5 seeds"
assert c.differ and c.diff > 0, "beyond seed noise"

# The diagnosis names it: batch 8 gives gradient noise, batch 256 does
# not, for 10 seeds.
diagnose(runs[0].runs[0])
for s in range(10) {
    seed s
    let d = random_data(1000, 10, dist: "uniform", classes: 2)
    let small = train net on d, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
                    epochs: 10, batch: 8, log: "none"
    let big = train net on d, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
                  epochs: 10, batch: 256, log: "none"
    assert contains(small.diagnosis, "gradient_noise"), format("seed {}: batch 8 is noisy", s)
    assert not contains(big.diagnosis, "gradient_noise"), format("seed {}: batch 256 is not", s)
}
