# An unknown log: value: the value is quoted in the message, as the
# style has it (today: "unknown value batches").
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, log: "batches"
