# Trains two runs and a sweep of two: with --out DIR, each of the four
# runs' history goes to DIR/run-N.csv and DIR/run-N.jsonl, in order.
seed 3
let d = blobs(20, centers: 2, std: 3)
model m { dense(2) }
let a = train m on d, epochs: 2, batch: 10
let b = train m on d, epochs: 1, batch: 20, validation_split: 0.5, label: "half"
let runs = sweep lr in [0.01, 0.1] { train m on d, epochs: 1, batch: 20, optimizer: sgd(lr: lr) }
print "done"
