# Early stopping: a record (monitor, patience, min_delta, restore_best),
# or patience: N alone (monitor val_loss, no restoring). A line says when
# it stopped and which epoch was best.
seed 3
let d = blobs(40, centers: 2, std: 3)
let s = split(d, 0.5)
model m { dense(16, activation: "relu") dense(2) }
let r = train m on s.train, validate: s.test, epochs: 30, batch: 4, optimizer: adam(lr: 0.1),
              early_stopping: {monitor: "val_loss", patience: 2, restore_best: true}
print r.epochs, r.best_epoch, r.stopped_early, r.restored_best, r.status
# The restored weights are the best epoch's: evaluating gives its val_loss.
let e = evaluate r on s.test
print format("{:.4f} {:.4f}", e.loss, r.val_loss[r.best_epoch - 1])
let r2 = train m on s.train, validate: s.test, epochs: 30, batch: 4, optimizer: adam(lr: 0.1), patience: 2
print r2.epochs, r2.best_epoch, r2.stopped_early, r2.restored_best
# Watching an accuracy: it must rise to improve; min_delta sets by how much.
let r3 = train m on s.train, validate: s.test, epochs: 30, batch: 4, optimizer: adam(lr: 0.01),
               early_stopping: {monitor: "val_accuracy", patience: 1, min_delta: 0.01}
print r3.epochs, r3.best_epoch, r3.stopped_early, r3.status
print map(r3.val_accuracy, fn (x) => format("{:.2f}", x))
# A run that ends before patience runs out has not stopped early.
let r4 = train m on s.train, validate: s.test, epochs: 2, batch: 4, patience: 5, log: "none"
print r4.epochs, r4.stopped_early, r4.status
