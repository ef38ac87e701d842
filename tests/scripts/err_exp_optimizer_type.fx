# optimizer: needs an optimizer value.
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, optimizer: "adam"
