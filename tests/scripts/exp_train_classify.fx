# train on a classification set with a validation set: one line per epoch
# (loss, acc, val_loss, val_acc) and the run's curves. With several
# outputs and class labels the loss is cross_entropy.
seed 3
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let d = blobs(80, centers: 3, std: 2)
let s = split(d, 0.25)
model m { dense(8, activation: "relu") dense(3) }
let r = train m on s.train, validate: s.test, epochs: 4, batch: 16, optimizer: sgd(lr: 0.05)
print "loss        ", f4(r.loss)
print "accuracy    ", f4(r.accuracy)
print "val_loss    ", f4(r.val_loss)
print "val_accuracy", f4(r.val_accuracy)
print "lr          ", f4(r.lr)
print r.epochs, r.steps, len(r.batch_loss), len(r.batch_accuracy), r.best_epoch, r.status
# The same loss, said explicitly.
let r2 = train m on s.train, validate: s.test, epochs: 1, batch: 16, loss: cross_entropy, log: "none"
print f4(r2.loss)
