# Seed 000 (000_4f5138e074604803.txt): why do training and validation
# accuracy increase slowly and oscillate? A small CNN (conv16-relu-pool,
# conv32-relu-pool, linear 10) on 1000 random N(0,1) 3x32x32 images with
# random labels (200 more for validation), cross-entropy, Adam 0.001,
# batch 64 shuffled, 20 epochs; and the document's two variants: learning
# rate 0.1, and batch size 16 (all four combinations, as one sweep).
#
# What it shows:
# - The labels are random, so there is nothing to learn that carries over:
#   at lr 0.001 the network memorises the training set (training accuracy
#   near 1) while the validation loss drifts up and validation accuracy
#   stays at chance, wandering around 0.1.
# - At lr 0.1 Adam overshoots: the loss jumps by huge amounts from batch to
#   batch (spikes above 100 where it started at 2.3), then the network is
#   stuck predicting the same for every image, its accuracy at chance: the
#   "increases slowly" of the title, pushed to the extreme.
# - Batch 16 makes each step's loss noisier than batch 64.
# Measured with noise() (the spread of batch-to-batch changes, lib.fx).
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
plot runs.loss, log: true     title "training loss per epoch"
plot runs.val_loss            title "validation loss per epoch"
plot runs.accuracy            title "training accuracy per epoch"
plot runs.val_accuracy        title "validation accuracy per epoch"

let base = runs[0]      # lr 0.001, batch 64
let small = runs[1]     # lr 0.001, batch 16
let fast = runs[2]      # lr 0.1,   batch 64
plot base.batch_loss, fast.batch_loss, labels: ["lr 0.001", "lr 0.1"], log: true,
     title: "loss per batch, batch 64"
plot base.batch_loss, small.batch_loss, labels: ["batch 64", "batch 16"],
     title: "loss per batch, lr 0.001"
print format("noise of the per-batch loss: lr 0.001 {:.4f}, lr 0.1 {:.4f}",
             noise(base.batch_loss), noise(fast.batch_loss))
print format("noise of the per-batch loss: batch 64 {:.4f}, batch 16 {:.4f}",
             noise(base.batch_loss), noise(small.batch_loss))

assert base.accuracy[-1] > 0.9, "at lr 0.001 the network memorises the training set"
assert base.val_loss[-1] > base.val_loss[0], "memorising random labels drives the validation loss up"
assert noise(fast.batch_loss) > 10 * noise(base.batch_loss), "at lr 0.1 the loss jumps from batch to batch"
assert fast.accuracy[-1] < 0.2, "at lr 0.1 the network does not even fit the training set"
assert noise(small.batch_loss) > noise(base.batch_loss), "batch 16 is noisier than batch 64"

# The diagnosis names both: at lr 0.1 the learning rate is too high and
# the network is stuck at chance (one class for every image); at lr 0.001
# it memorises, and overfits from the epoch the validation loss turns.
# `make check-seeds` checks these with 10 other script seeds.
for r in [fast, runs[3]] {
    assert contains(r.diagnosis, "lr_too_high"), "at lr 0.1 the diagnosis says lr_too_high"
    assert r.diagnosis.lr_too_high.numbers[1].name == "train accuracy (last 3 epochs)",
           "lr 0.1 is stuck predicting one class, not merely high"
}
for r in [base, small] {
    assert contains(r.diagnosis, "memorisation"), "at lr 0.001 the diagnosis says memorisation"
    assert contains(r.diagnosis, "overfitting"), "at lr 0.001 the diagnosis says overfitting"
    assert abs(r.diagnosis.overfitting.epoch - (argmin(r.val_loss) + 1)) <= 1,
           "overfitting from the epoch where val_loss is lowest"
}
