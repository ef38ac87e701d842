# Validation samples of another shape than the training samples.
let d = blobs(10, centers: 2, seed: 1)
let v = blobs(10, centers: 2, features: 3, seed: 2)
model m { dense(2) }
let r = train m on d, validate: v
