# clip_norm and clip_value limit each step's gradient, so a large learning
# rate moves the weights less; l2: adds a penalty on every kernel to the
# loss (Keras reports it in the loss too).
seed 3
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let d = regression(fn (x) => 3*x, 20, range: [0, 10], noise: 0.1)
model lin { dense(1) }
let plain = train lin on d, epochs: 3, batch: 20, optimizer: sgd(lr: 0.01), log: "none", seed: 1
let norm = train lin on d, epochs: 3, batch: 20, optimizer: sgd(lr: 0.01), clip_norm: 1, log: "none", seed: 1
let value = train lin on d, epochs: 3, batch: 20, optimizer: sgd(lr: 0.01), clip_value: 0.5, log: "none", seed: 1
let both = train lin on d, epochs: 3, batch: 20, optimizer: sgd(lr: 0.01), clip_norm: 1, clip_value: 0.5, log: "none", seed: 1
print "plain", f4(plain.loss)
print "norm ", f4(norm.loss)
print "value", f4(value.loss)
print "both ", f4(both.loss)
let l2 = train lin on d, epochs: 3, batch: 20, optimizer: sgd(lr: 0.01), l2: 0.5, log: "none", seed: 1
print "l2   ", f4(l2.loss)
model lin_l2 { dense(1, l2: 0.5) }
let own = train lin_l2 on d, epochs: 3, batch: 20, optimizer: sgd(lr: 0.01), log: "none", seed: 1
print "own  ", f4(own.loss)
