# Two classes and one output: binary cross-entropy, from the sigmoid's
# output when the model ends in sigmoid, from the logit otherwise; bce is
# the short name. Accuracy thresholds the output at 0.5 (the logit at 0).
seed 3
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let d = moons(64, noise: 0.1)
model m { dense(8, activation: "tanh") dense(1, activation: "sigmoid") }
let r = train m on d, epochs: 3, batch: 16, optimizer: adam(lr: 0.05)
let r2 = train m on d, epochs: 2, batch: 16, loss: bce, log: "none", seed: 1
let r3 = train m on d, epochs: 2, batch: 16, loss: binary_cross_entropy, log: "none", seed: 1
print f4(r2.loss), "|", f4(r3.loss)
model logit { dense(8, activation: "tanh") dense(1) }
let r4 = train logit on d, epochs: 2, batch: 16, log: "none", seed: 1
print f4(r4.loss), f4(r4.accuracy)
let p = predict r on take(d, 4)
print map(p, fn (x) => format("{:.4f}", x))
