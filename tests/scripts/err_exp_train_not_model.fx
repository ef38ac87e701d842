# train needs a model.
let d = blobs(10, centers: 2, seed: 1)
let m = 3
let r = train m on d
