# Seed 004 (004_f55d63513efad8be.txt), example 3: a CNN with a dense 128
# layer and dropout 0.5 (conv16-relu-pool, conv32-relu-pool, dense 128
# relu, dropout, dense 10) on 1000 random 3x32x32 images with 10 classes,
# Adam 0.001, batch 32, 2 epochs, per-batch loss and accuracy.
#
# What it shows: the per-batch loss fluctuates from batch to batch while
# the per-epoch loss and accuracy move little; dropout adds its own noise
# on top of the mini-batch noise.
import "lib.fx"
seed 9

let data = random_images(1000, [3, 32, 32], classes: 10)
model cnn {
    conv2d(16, 3, pad: 1) relu maxpool(2)
    conv2d(32, 3, pad: 1) relu maxpool(2)
    flatten
    dense(128) relu dropout(0.5)
    dense(10)
}
let r = train cnn on data, optimizer: adam(lr: 0.001), loss: cross_entropy,
              epochs: 2, batch: 32, shuffle: false, log: "batch"
plot r.batch_loss, r.batch_accuracy title "per-batch loss and accuracy"

print format("per-batch loss noise {:.4f}; per-epoch loss {:.4f} -> {:.4f}",
             noise(r.batch_loss), r.loss[0], r.loss[-1])
assert noise(r.batch_loss) > 0.02, "the per-batch loss fluctuates"
assert abs(r.loss[-1] - r.loss[0]) < 0.5, "the per-epoch loss moves little"
