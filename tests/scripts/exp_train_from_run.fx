# train RUN on DATA trains the run's model from fresh weights (the model's
# layers, not its trained state); r.model works the same.
seed 3
let d = blobs(20, centers: 2)
model m { dense(4) relu dense(2) }
let r = train m on d, epochs: 1, batch: 20, log: "none", seed: 1
let again = train r on d, epochs: 1, batch: 20, log: "none", seed: 1
let again2 = train r.model on d, epochs: 1, batch: 20, log: "none", seed: 1
print r.loss == again.loss, again.loss == again2.loss
print again.model
