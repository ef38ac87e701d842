# A train option of the wrong type.
model m { dense(2) }
let d = blobs(10, seed: 1)
let r = train m on d, batch: "x"
