# Every field of a run.
seed 3
let d = blobs(30, centers: 2, std: 2)
let s = split(d, 0.2)
model m { dense(4, activation: "relu") dense(2) }
let r = train m on s.train, validate: s.test, epochs: 3, batch: 8, log: "none", label: "fields"
for f in ["loss", "accuracy", "val_loss", "val_accuracy", "lr", "batch_loss", "batch_accuracy"] {
    print f, type(r[f]), len(r[f])
}
print "best_epoch", r.best_epoch
print "epochs", r.epochs, "steps", r.steps
print "stopped_early", r.stopped_early, "restored_best", r.restored_best
print "diverged", r.diverged, "interrupted", r.interrupted
print "seconds", type(r.seconds), r.seconds >= 0
print "status", r.status, "label", r.label
print "model", r.model
let f = train m on s.train, epochs: 1, batch: 8, full_loss: true, log: "none"
print "step_loss", len(f.step_loss), f.best_epoch
