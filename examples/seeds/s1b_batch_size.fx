# Seed 001 (001_42de9b3fc324c79e.txt), example 2: the impact of batch size
# in stochastic gradient descent. y = 2x + 1 + N(0, 1) with x = 10 U(0, 1),
# 100 points; a linear model y = w x + b with w, b ~ N(0, 1); each
# iteration draws a batch without replacement; SGD with learning rate
# 0.01; batch sizes 1, 5, 10, 20, 50, 100; 100 iterations; the MSE on all
# the data after every step.
#
# What it shows: small batches make the full-data loss jump about from
# step to step; batch 100 (all the data, plain gradient descent) gives a
# smooth curve.
import "lib.fx"
seed 1

let data = regression(fn (x) => 2*x + 1, 100, range: [0, 10], noise: 1)
model line(init: "normal") { dense(1) }

let runs = sweep batch in [1, 5, 10, 20, 50, 100] {
    train line on data, optimizer: sgd(lr: 0.01), loss: mse, steps: 100,
          batch: batch, resample: true, full_loss: true
}
plot runs.step_loss, log: true title "MSE on all data after each step"
table runs

print format("oscillation of the full-data MSE: batch 1 {:.3f}, batch 100 {:.3f}",
             oscillation(runs[0].step_loss), oscillation(runs[5].step_loss))
assert oscillation(runs[0].step_loss) > 10 * oscillation(runs[5].step_loss),
       "batch 1 fluctuates far more than batch 100"
