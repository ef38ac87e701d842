# A model with fewer outputs than the data has classes.
let d = blobs(12, centers: 3, seed: 1)
model m { dense(8) relu dense(2) }
let r = train m on d
