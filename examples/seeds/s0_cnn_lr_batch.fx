# Seed 000 (000_4f5138e074604803.txt): why do training and validation
# accuracy increase slowly and oscillate? A small CNN (conv16-relu-pool,
# conv32-relu-pool, linear 10) on 1000 random N(0,1) 3x32x32 images with
# random labels (200 more for validation), cross-entropy, Adam 0.001,
# batch 64 shuffled, 20 epochs; then the two variants the document
# describes: learning rate 0.1, and batch size 16.
#
# What it shows: with random labels there is nothing to learn, so the
# network memorises the training set (training loss falls) while the
# validation loss drifts up; at lr 0.1 the curves jump about instead of
# moving smoothly, and with batch 16 each step's loss is noisier than with
# batch 64. Measured by oscillation() and noise() from lib.fx.
import "lib.fx"
seed 0

let train = random_images(1000, [3, 32, 32], classes: 10)
let val   = random_images(200,  [3, 32, 32], classes: 10)

model cnn {
    conv2d(16, 3, pad: 1)  relu  maxpool(2)
    conv2d(32, 3, pad: 1)  relu  maxpool(2)
    flatten
    dense(10)
}

let runs = sweep lr in [0.001, 0.1], batch in [64, 16] {
    train cnn on train, validate: val, optimizer: adam(lr: lr),
          loss: cross_entropy, epochs: 20, batch: batch
}
table runs
plot runs.loss      title "training loss per epoch"
plot runs.val_loss  title "validation loss per epoch"
plot runs.val_accuracy title "validation accuracy per epoch"

let base = runs[0]      # lr 0.001, batch 64
let fast = runs[2]      # lr 0.1,   batch 64
let small = runs[1]     # lr 0.001, batch 16
print format("oscillation of val_loss: lr 0.001 {:.4f}, lr 0.1 {:.4f}",
             oscillation(base.val_loss), oscillation(fast.val_loss))
print format("noise of per-batch loss: batch 64 {:.4f}, batch 16 {:.4f}",
             noise(base.batch_loss), noise(small.batch_loss))

assert base.loss[-1] < base.loss[0], "at lr 0.001 the network memorises the training set"
assert oscillation(fast.val_loss) > oscillation(base.val_loss), "lr 0.1 oscillates more than lr 0.001"
assert noise(small.batch_loss) > noise(base.batch_loss), "batch 16 is noisier than batch 64"
