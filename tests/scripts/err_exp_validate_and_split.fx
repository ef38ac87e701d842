# validate: or validation_split:, not both.
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, validate: d, validation_split: 0.2
