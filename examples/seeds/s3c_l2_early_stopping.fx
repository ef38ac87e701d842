# Seed 003 (003_2ad709392343d6a7.txt), example 3: L2 regularisation
# (kernel_regularizer l2(0.01) on both layers) and early stopping on
# val_loss with patience 3 and restore_best_weights, validation_split 0.2
# (Keras takes the last 20% of the data), at most 20 epochs, four curves.
#
# What it shows: with random labels the validation loss soon stops
# improving; training stops 3 epochs after the best epoch and the model
# keeps the best epoch's weights: evaluated on the validation part, it
# scores the best validation loss.
seed 6

let data = random_data(1000, 10, dist: "uniform", classes: 2)
model net(init: "glorot_uniform") {
    dense(64, l2: 0.01) relu
    dense(1, l2: 0.01) sigmoid
}
let r = train net on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
              epochs: 20, batch: 32, validation_split: 0.2,
              early_stopping: {monitor: "val_loss", patience: 3, restore_best: true}
plot r.loss, r.val_loss, r.accuracy, r.val_accuracy title "loss and accuracy"
table r

let held_out = take(data, 800, 1000)
let e = evaluate r on held_out
print format("best val_loss {:.5f} at epoch {}; the restored model scores {:.5f}",
             min(r.val_loss), r.best_epoch, e.loss)
assert r.restored_best, "the best epoch's weights were restored"
assert abs(e.loss - min(r.val_loss)) < 1e-4, "the restored weights score the best val_loss"
