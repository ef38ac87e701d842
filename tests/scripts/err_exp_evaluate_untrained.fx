# evaluate needs trained weights.
let d = blobs(10, centers: 2, seed: 1)
model m { dense(2) }
let e = evaluate m on d
