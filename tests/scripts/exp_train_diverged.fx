# A loss that becomes inf or nan stops training: a line says at which step,
# the run says diverged, its last loss is inf, and its weights are those
# before the step that diverged.
seed 3
let d = regression(fn (x) => 3*x, 20, range: [0, 10], noise: 0.1)
model lin { dense(1) }
let r = train lin on d, epochs: 50, batch: 20, optimizer: sgd(lr: 1), log: "none"
print r.diverged, r.status, r.epochs, r.steps
print r.loss[-1], r.loss[-2] > 1e70
print r.stopped_early, r.model.trained
# Early stopping restores the best weights even after a divergence.
let s = train lin on d, epochs: 50, batch: 20, optimizer: sgd(lr: 1),
              early_stopping: {patience: 100, restore_best: true}, log: "none"
print s.diverged, s.restored_best, s.best_epoch
