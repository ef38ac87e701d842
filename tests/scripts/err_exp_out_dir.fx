seed 3
let d = blobs(20, centers: 2, std: 3)
model m { dense(2) }
let r = train m on d, epochs: 1, log: "none"
