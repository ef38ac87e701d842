# Training by steps: 3 steps of 5 samples out of 20 cover part of one
# epoch. The epoch line has no total to show; today it says "epoch 1/0".
# The expected line's form ("epoch 1") is a guess; the point is no "/0".
seed 3
let d = regression(fn (x) => 2*x + 1, 20, range: [0, 1], noise: 0.1)
model lin { dense(1) }
let r = train lin on d, steps: 3, batch: 5, optimizer: sgd(lr: 0.1)
print r.epochs, r.steps
