# table names every row's point: swept values that are not numbers (an
# optimizer, a string) get a column too, numbers keep the digits that tell
# them apart (0.10001, 0.10002), and a run's own label: shows.
seed 0
let d = blobs(60, centers: 2)
model m { dense(2) }
let r = sweep o in [sgd(lr: 0.1), adam(lr: 0.01)], lr in [0.10001, 0.10002], tag in ["a", "b"] {
    train m on d, epochs: 1, batch: 20, optimizer: o, log: "none", label: "x"
}
print r.labels[1]
table r
let a = train m on d, epochs: 1, batch: 20, log: "none", label: "first"
let b = train m on d, epochs: 1, batch: 20, log: "none"
table [a, b]
