# Training by steps with log: "batch" prints one line per step; full_loss:
# true adds the loss on all the training data after each step (r.step_loss)
# and resample: true draws each batch afresh from all the data (seed 001).
seed 3
let d = regression(fn (x) => 2*x + 1, 20, range: [0, 1], noise: 0.1)
model lin { dense(1) }
let r = train lin on d, steps: 5, batch: 5, optimizer: sgd(lr: 0.1), log: "batch",
              full_loss: true, resample: true
print r.steps, len(r.batch_loss), len(r.step_loss)
print map(r.step_loss, fn (x) => format("{:.4f}", x))
# full_loss with epochs, logged per batch.
let r2 = train lin on d, epochs: 2, batch: 10, optimizer: sgd(lr: 0.1), log: "batch", full_loss: true
print len(r2.step_loss)
