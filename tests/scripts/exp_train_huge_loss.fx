# A diverging loss in the epoch lines: %.4f prints 6240233439040650240.0000
# and, a few epochs later, numbers of 70 digits. Expected: 4 decimals while
# that reads well, an exponent beyond (the exact form is a guess).
seed 3
let d = regression(fn (x) => 3*x, 20, range: [0, 10], noise: 0.1)
model lin { dense(1) }
let r = train lin on d, epochs: 6, batch: 20, optimizer: sgd(lr: 1)
print r.loss[-1]
