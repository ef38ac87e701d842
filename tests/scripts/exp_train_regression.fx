# Regression targets: the loss is mse, the epoch line has no accuracy and
# the run no accuracy curve.
seed 3
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let d = regression(fn (x) => 2*x + 1, 50, range: [0, 1], noise: 0.1)
let s = split(d, 0.2)
model lin { dense(1) }
let r = train lin on s.train, validate: s.test, epochs: 3, batch: 10, optimizer: sgd(lr: 0.3)
print f4(r.loss), "|", f4(r.val_loss)
print r.status, r.best_epoch
# Two targets per sample, two outputs.
let t = random_data(30, 3, targets: 2, seed: 1)
model two { dense(2) }
let r2 = train two on t, epochs: 2, batch: 10, loss: mse
print f4(r2.loss)
