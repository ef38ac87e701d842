# epochs: or steps:, not both.
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, epochs: 2, steps: 10
