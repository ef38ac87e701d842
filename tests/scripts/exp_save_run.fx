# save RUN to "x.csv": one row per epoch (epoch, loss, accuracy, val_loss,
# val_accuracy, lr); .jsonl: one object per line; steps: true writes the
# per-step curves instead. The CSV reads back with load_csv.
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(4, activation: "relu") dense(2) }
let r = train m on d, epochs: 3, batch: 20, validation_split: 0.25, log: "none"
save r to "../tmp/exp_run.csv"
save r to "../tmp/exp_run.jsonl"
save r to "../tmp/exp_run_steps.csv", steps: true
let f = train m on d, epochs: 1, batch: 20, full_loss: true, log: "none", label: "full"
save f to "../tmp/exp_run_full.jsonl", steps: true
let back = load_csv("../tmp/exp_run.csv", label: "epoch", regression: true)
print back
print back.y
print map(back.x, fn (row) => format("{:.4f}", row[0]))
print map(r.loss, fn (x) => format("{:.4f}", x))
