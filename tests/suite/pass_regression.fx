# Passes: a linear model learns y = 2x + 1 and every check holds.
import "helpers.fx"
seed 1
let d = regression(fn(x) => 2*x + 1, 200, noise: 0.1)
model lin { dense(1) }
let r = train lin on d, optimizer: sgd(lr: 0.01), loss: mse, epochs: 20, batch: 20
assert last(r.loss) < r.loss[0], "the loss falls"
assert len(r.loss) == 20
