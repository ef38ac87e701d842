# checkpoint: "file" saves the weights whenever the watched value improves
# (val_loss here; early stopping's monitor when there is one), so the file
# holds the best epoch's weights; load_weights reads them back.
seed 3
let d = blobs(40, centers: 2, std: 3)
let s = split(d, 0.5)
model m { dense(16, activation: "relu") dense(2) }
let r = train m on s.train, validate: s.test, epochs: 4, batch: 4, optimizer: adam(lr: 0.1),
              checkpoint: "../tmp/exp_checkpoint.safetensors"
print r.best_epoch
let best = load_weights(m, "../tmp/exp_checkpoint.safetensors", input: [2])
print best
let e = evaluate best on s.test
print format("{:.4f} {:.4f}", e.loss, r.val_loss[r.best_epoch - 1])
# With early stopping on val_accuracy, that is what the checkpoint follows.
let r2 = train m on s.train, validate: s.test, epochs: 6, batch: 4, optimizer: adam(lr: 0.1),
               early_stopping: {monitor: "val_accuracy", patience: 3},
               checkpoint: "../tmp/exp_checkpoint2.safetensors"
let best2 = load_weights(m, "../tmp/exp_checkpoint2.safetensors", input: [2])
let e2 = evaluate best2 on s.test
print r2.best_epoch, format("{:.4f} {:.4f}", e2.accuracy, r2.val_accuracy[r2.best_epoch - 1])
