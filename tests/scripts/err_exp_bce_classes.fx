# binary_cross_entropy with three classes.
let d = blobs(12, centers: 3, seed: 1)
model m { dense(1) }
let r = train m on d, loss: bce
