# A point that fails is reported and kept with its error; the other points
# run. Curve sets give none for it; plot and table skip or mark it.
seed 3
let d = blobs(20, centers: 2)
model m { dense(2) }
let runs = sweep lr in [0.1, -1, 0.5] {
    train m on d, epochs: 2, batch: 10, optimizer: sgd(lr: lr), log: "none"
}
print runs
print runs.errors
print runs.results[1], type(runs.results[0])
print runs.status
plot runs.loss, width: 40, height: 4
let v = sweep x in [1, 0, 2] { 10 / x }
print v.results
table v
