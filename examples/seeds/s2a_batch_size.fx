# Seed 002 (002_54895ae3430f2620.txt), example 1: the impact of batch size
# on a linear model trained with MSE and SGD (learning rate 0.01), batch
# sizes 32, 128 and 512, per-epoch training and validation MSE for each.
# The document leaves the data out; here it is a linear target with noise:
# y = x . w + 0.5 N(0, 1), 10 features, 2048 samples (512 for validation).
#
# What it shows: with the same number of epochs, small batches take many
# more steps and get to the noise floor (MSE 0.25) within a few epochs,
# after which their validation curve wobbles around it; batch 512 takes 4
# steps an epoch, converges slowly, and its curve is smooth.
import "lib.fx"
seed 2

let w = [0.5, -1, 2, 0, 1.5, -0.5, 1, -2, 0.25, 0.75]
fn target(row) {
    let s = 0
    for i in range(len(row)) { s += row[i] * w[i] }
    return s
}
let xs = random_data(2560, 10).x
let eps = random_data(2560, 1).x
let ys = map(range(len(xs)), fn (i) => target(xs[i]) + 0.5 * eps[i])
let all = dataset(xs, ys)
let parts = split(all, 0.2)

model linear { dense(1) }
let runs = sweep batch in [32, 128, 512] {
    train linear on parts.train, validate: parts.test, optimizer: sgd(lr: 0.01),
          loss: mse, epochs: 30, batch: batch
}
plot runs.loss, log: true      title "training MSE per epoch"
plot runs.val_loss, log: true  title "validation MSE per epoch"
table runs

print format("validation MSE after 5 epochs: batch 32 {:.3f}, batch 512 {:.3f}",
             runs[0].val_loss[4], runs[2].val_loss[4])
print format("oscillation of the validation MSE: batch 32 {:.5f}, batch 512 {:.5f}",
             oscillation(runs[0].val_loss), oscillation(runs[2].val_loss))
assert runs[2].val_loss[4] > 2 * runs[0].val_loss[4], "batch 512 converges much more slowly"
assert oscillation(runs[0].val_loss) > oscillation(runs[2].val_loss), "batch 32's validation curve wobbles, batch 512's is smooth"

# The diagnosis names it: batch 512 learns slowly, for 10 seeds; batch 32
# is not said to be slow.
diagnose(runs[2])
for s in range(10) {
    seed 10 + s
    let xs2 = random_data(2560, 10).x
    let eps2 = random_data(2560, 1).x
    let p = split(dataset(xs2, map(range(len(xs2)), fn (i) => target(xs2[i]) + 0.5 * eps2[i])), 0.2)
    let big = train linear on p.train, validate: p.test, optimizer: sgd(lr: 0.01), loss: mse,
                  epochs: 30, batch: 512, log: "none"
    let small = train linear on p.train, validate: p.test, optimizer: sgd(lr: 0.01), loss: mse,
                    epochs: 30, batch: 32, log: "none"
    assert contains(big.diagnosis, "slow"), format("seed {}: batch 512 is slow", s)
    assert not contains(small.diagnosis, "slow"), format("seed {}: batch 32 is not", s)
}
