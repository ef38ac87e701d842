# Seed 003 (003_2ad709392343d6a7.txt), example 3: L2 regularisation
# (kernel_regularizer l2(0.01) on both layers) and early stopping on
# val_loss with patience 3 and restore_best_weights, validation_split 0.2
# (Keras takes the last 20% of the data), at most 20 epochs, four curves.
# The same network without L2 runs beside it for comparison.
#
# What it shows: the labels are random, so there is little to learn.
# Without L2 the validation loss stops improving after a few epochs;
# early stopping ends training 3 epochs after the best one and puts back
# that epoch's weights: evaluated on the validation part they score the
# best validation loss. With L2 (the document's model) the loss includes
# the penalty, which keeps falling as the weights shrink: the curves are
# smooth and early stopping never needs to stop within 20 epochs.
import "lib.fx"
seed 6

let data = random_data(1000, 10, dist: "uniform", classes: 2)
model plain(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }
model l2net(init: "glorot_uniform") {
    dense(64, l2: 0.01) relu
    dense(1, l2: 0.01) sigmoid
}
let stop = {monitor: "val_loss", patience: 3, restore_best: true}
let a = train plain on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
              epochs: 20, batch: 32, validation_split: 0.2, early_stopping: stop
let b = train l2net on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
              epochs: 20, batch: 32, validation_split: 0.2, early_stopping: stop
plot b.loss, b.val_loss, b.accuracy, b.val_accuracy title "with L2: the document's four curves"
plot a.loss, a.val_loss, a.accuracy, a.val_accuracy title "without L2"

let held_out = take(data, 800, 1000)
let e = evaluate a on held_out
print format("without L2: best val_loss {:.5f} at epoch {}, stopped after {}; the restored model scores {:.5f}",
             min(a.val_loss), a.best_epoch, a.epochs, e.loss)
print format("with L2: val_loss {:.4f} -> {:.4f} over {} epochs, oscillation {:.6f}",
             b.val_loss[0], b.val_loss[-1], b.epochs, oscillation(b.val_loss))

assert a.stopped_early and a.epochs == a.best_epoch + 3, "without L2, training stops 3 epochs after the best"
assert a.restored_best and abs(e.loss - min(a.val_loss)) < 1e-5, "the best epoch's weights were put back"
assert not b.stopped_early and oscillation(b.val_loss) < 1e-6, "with L2 the validation loss falls smoothly"
