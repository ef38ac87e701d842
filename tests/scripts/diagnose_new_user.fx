# Tried as a new user would, first try: seed 003's MLP at lr 1.0 and at
# lr 1e-6, and an MLP overfitted on 50 samples, each get the verdict and
# the advice that fit. Prints the kinds and the advice (not the numbers,
# whose last digits depend on the BLAS kernel).
seed 3
let data = random_data(1000, 10, dist: "uniform", classes: 2)
model net(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }
let high = train net on data, optimizer: adam(lr: 1.0), loss: binary_cross_entropy, epochs: 10,
               batch: 32, log: "none"
assert contains(high.diagnosis, "lr_too_high"), "lr 1.0 is too high"
print high.diagnosis.lr_too_high.remedy
let low = train net on data, optimizer: adam(lr: 0.000001), loss: binary_cross_entropy,
              epochs: 10, batch: 32, log: "none"
assert keys(low.diagnosis) == ["slow"], "lr 1e-6 is slow, and only that"
print keys(low.diagnosis), low.diagnosis.slow.remedy

let few = moons(50, noise: 0.35)
let val = moons(300, noise: 0.35)
model big { dense(256) relu dense(256) relu dense(2) }
let over = train big on few, validate: val, optimizer: adam(lr: 0.01), loss: cross_entropy,
               epochs: 150, batch: 10, log: "none"
assert contains(over.diagnosis, "overfitting"), "50 samples, a big MLP: overfitting"
assert over.diagnosis.overfitting.epoch < 30, "it begins early"
print over.diagnosis.overfitting.remedy
