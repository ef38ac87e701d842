# step_loss exists only with full_loss: true.
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, log: "none"
print r.step_loss
