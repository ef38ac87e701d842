# predict on samples of another shape than the model was trained on.
let d = blobs(10, centers: 2, seed: 1)
let e = blobs(10, centers: 2, features: 3, seed: 1)
model m { dense(2) }
let r = train m on d, log: "none"
let p = predict r on e
