# A run trained without validation has no val_loss.
model m { dense(2) }
let d = blobs(10, centers: 2, seed: 1)
let r = train m on d, log: "none"
print r.val_loss
