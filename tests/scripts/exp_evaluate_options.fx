# evaluate's options: loss: picks the loss (mse of a sigmoid output against
# 0/1 labels is the Brier score), batch: only how many samples go through
# at once. Today both are accepted and ignored.
seed 3
let d = moons(40, noise: 0.1)
model m { dense(8, activation: "tanh") dense(1, activation: "sigmoid") }
let r = train m on d, epochs: 3, batch: 10, optimizer: adam(lr: 0.05), log: "none"
let p = predict r on d
let ys = d.y
let brier = 0
for i in range(len(p)) { brier += (p[i] - ys[i])^2 }
brier /= len(p)
let e = evaluate r on d, loss: mse
print abs(e.loss - brier) < 1e-6
let a = evaluate r on d
let b = evaluate r on d, batch: 4
print format("{:.6f}", a.loss) == format("{:.6f}", b.loss)
