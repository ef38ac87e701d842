# log: "none" prints nothing while training; log: "epoch" is the default.
seed 3
let d = blobs(20, centers: 2)
model m { dense(2) }
let r = train m on d, epochs: 3, log: "none"
print "trained", r.epochs
let r2 = train m on d, epochs: 2, log: "epoch"
