# predict needs trained weights too.
let d = blobs(10, centers: 2, seed: 1)
model m { dense(2) }
let p = predict m on d
