# A set of curves with a failed point saves as JSON lines with null for
# it; today the line holds the fx word none, which is not JSON.
seed 3
let d = blobs(20, centers: 2, std: 3)
model m { dense(2) }
let runs = sweep lr in [-1, 0.1] { train m on d, epochs: 1, batch: 20, optimizer: sgd(lr: lr), log: "none" }
save runs.epochs to "../tmp/exp_save_curves_failed.jsonl"
