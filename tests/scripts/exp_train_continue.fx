# continue: true trains from the run's weights instead of fresh ones: two
# epochs, then one more, is three epochs (full batches, plain SGD, so no
# optimizer state is lost in between).
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(4, activation: "relu") dense(2) }
let three = train m on d, epochs: 3, batch: 40, shuffle: false, optimizer: sgd(lr: 0.1), seed: 1, log: "none"
let two = train m on d, epochs: 2, batch: 40, shuffle: false, optimizer: sgd(lr: 0.1), seed: 1, log: "none"
let more = train two.model on d, epochs: 1, batch: 40, shuffle: false, optimizer: sgd(lr: 0.1), continue: true, log: "none"
print format("{:.6f}", more.loss[0]) == format("{:.6f}", three.loss[2])
let again = train two on d, epochs: 1, batch: 40, shuffle: false, optimizer: sgd(lr: 0.1), continue: true, log: "none"
print again.loss == more.loss
