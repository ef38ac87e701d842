# train ..., diagnose: true prints the verdicts when the run ends; the
# run's diagnosis field holds them. lr 1.0 on seed 003's MLP.
seed 7
let data = random_data(1000, 10, dist: "uniform", classes: 2)
model net(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }
let r = train net on data, optimizer: adam(lr: 1.0), loss: binary_cross_entropy, epochs: 10,
            batch: 32, log: "none", diagnose: true
assert contains(r.diagnosis, "lr_too_high"), "lr 1.0 is too high"
print r.diagnosis.lr_too_high.remedy
