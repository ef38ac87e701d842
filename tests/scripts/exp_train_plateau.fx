# plateau(): cut the learning rate by factor when the watched value stops
# improving for patience epochs (PyTorch's ReduceLROnPlateau), with an
# optional cooldown and a floor, min_lr. Here the training accuracy reaches
# its best early and then stays.
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(2) }
let r = train m on d, epochs: 6, batch: 8, optimizer: sgd(lr: 0.1),
              schedule: plateau(monitor: "accuracy", factor: 0.5, patience: 1)
let r1 = train m on d, epochs: 6, batch: 8, optimizer: sgd(lr: 0.1), seed: 1,
               schedule: plateau(monitor: "accuracy", factor: 0.5, patience: 0, cooldown: 1), log: "none"
print r1.accuracy
print r1.lr
let r2 = train m on d, epochs: 6, batch: 8, optimizer: sgd(lr: 0.1), seed: 1,
               schedule: plateau(monitor: "accuracy", factor: 0.1, patience: 0, min_lr: 0.005), log: "none"
print r2.lr
