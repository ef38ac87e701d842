# early_stopping: true uses patience 10 and watches val_loss, or the
# training loss when there is no validation; false turns it off. With lr 0
# and no shuffling the loss never changes, so epoch 1 stays the best.
seed 3
let d = blobs(40, centers: 2, std: 3)
model m { dense(2) }
let r = train m on d, epochs: 40, batch: 40, shuffle: false, optimizer: sgd(lr: 0), early_stopping: true
print r.epochs, r.best_epoch, r.stopped_early
let r2 = train m on d, epochs: 12, batch: 40, shuffle: false, optimizer: sgd(lr: 0), early_stopping: false, log: "none"
print r2.epochs, r2.stopped_early
# patience: 0 stops at the first epoch that does not improve.
let r3 = train m on d, epochs: 5, batch: 40, shuffle: false, optimizer: sgd(lr: 0), patience: 0
print r3.epochs, r3.best_epoch, r3.stopped_early
