# schedule: changes the learning rate as training goes; the epoch line
# then shows lr, and r.lr holds the rate of each epoch.
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(4, activation: "relu") dense(2) }
let a = train m on d, epochs: 3, batch: 8, optimizer: sgd(lr: 0.1), schedule: step_lr(1, gamma: 0.5)
print a.lr
let b = train m on d, epochs: 4, batch: 8, optimizer: sgd(lr: 0.1), schedule: cosine_lr(4), log: "none"
print map(b.lr, fn (x) => format("{:.5f}", x))
let c = train m on d, epochs: 4, batch: 8, optimizer: sgd(lr: 0.1), schedule: warmup(2, then: exponential_lr(0.5)), log: "none"
print map(c.lr, fn (x) => format("{:.5f}", x))
let e = train m on d, epochs: 3, batch: 8, optimizer: sgd(lr: 0.1), schedule: exponential_lr(0.1), log: "none"
print map(e.lr, fn (x) => format("{:.5f}", x))
# per_step: true counts optimizer steps (5 per epoch here) instead of epochs.
let p = train m on d, epochs: 3, batch: 8, optimizer: sgd(lr: 0.1), schedule: step_lr(5, gamma: 0.5, per_step: true), log: "none"
print map(p.lr, fn (x) => format("{:.5f}", x))
