# steps: N trains for N optimizer steps instead of whole epochs; the epoch
# curves hold one value per epoch begun (the last one may be partial).
seed 3
let d = regression(fn (x) => 2*x + 1, 20, range: [0, 1], noise: 0.1)
model lin { dense(1) }
let r = train lin on d, steps: 6, batch: 5, optimizer: sgd(lr: 0.1), log: "none"
print r.steps, r.epochs, len(r.loss), len(r.batch_loss)
let r2 = train lin on d, steps: 8, batch: 5, log: "none"
print r2.steps, r2.epochs, len(r2.loss)
# Without batch: the default batch is 32, so 20 samples make one step.
let r3 = train lin on d, epochs: 3, log: "none"
print r3.steps, r3.epochs
# A batch larger than the data is all of it.
let r4 = train lin on d, epochs: 2, batch: 1000, log: "none"
print r4.steps
