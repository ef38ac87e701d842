# Sweeping lr, the learning rate's own curve is also called lr: saved, the
# CSV has two columns named lr and each JSON object the key "lr" twice.
seed 3
let d = blobs(20, centers: 2, std: 3)
model m { dense(2) }
let runs = sweep lr in [0.01, 0.1] { train m on d, epochs: 1, batch: 20, optimizer: sgd(lr: lr), log: "none" }
save runs to "../tmp/exp_save_sweep_lr.csv"
save runs to "../tmp/exp_save_sweep_lr.jsonl"
