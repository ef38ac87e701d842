# table of a run: one row per epoch; of a list of records: their fields as
# columns (a missing one shows -); of a record: name/value rows; of a
# sweep's field: one row per point. title: centres a title above.
seed 3
let d = blobs(40, centers: 2, std: 3)
let s = split(d, 0.25)
model m { dense(4, activation: "relu") dense(2) }
let r = train m on s.train, validate: s.test, epochs: 3, batch: 10, optimizer: sgd(lr: 0.1),
              schedule: step_lr(1, gamma: 0.5), log: "none"
table r
table r, title: "per epoch"
table [{model: "small", acc: 0.9}, {model: "large", acc: 0.95, params: 1200}]
table {lr: 0.1, batch: 64}
let v = sweep k in [1, 2, 3] { {square: k * k, cube: k * k * k} }
table v
table v.square
let c = sweep k in [1, 2] { [k, k * 10] }
table c
