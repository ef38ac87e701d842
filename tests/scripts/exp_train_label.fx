# label: names a run; a sweep labels its runs with the swept values, and
# label: inside a sweep wins.
seed 3
let d = blobs(20, centers: 2)
model m { dense(2) }
let r = train m on d, epochs: 1, label: "baseline", log: "none"
let u = train m on d, epochs: 1, log: "none"
print r.label, "[" + u.label + "]"
let s = sweep lr in [0.1, 0.2] { train m on d, epochs: 1, optimizer: sgd(lr: lr), log: "none" }
print s.label
let t = sweep lr in [0.1] { train m on d, epochs: 1, label: "mine", log: "none" }
print t.label
