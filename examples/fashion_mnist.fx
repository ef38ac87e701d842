# A small CNN on Fashion-MNIST (Debian's dataset-fashion-mnist package:
# apt-get install dataset-fashion-mnist). 10,000 training images and the
# 10,000 test images, 28x28 grey, 10 classes of clothing; 5 epochs.
# Unlike the seeds' random labels there is something to learn here: the
# curves rise, and the test accuracy ends near 0.85.
seed 0

# Without the data set there is nothing to run: skipped, not failed (fx test
# counts it skipped; fx exits with status 77).
let data_dir = env("FX_FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
if not exists(data_dir) {
    skip(data_dir + " is not there: apt-get install dataset-fashion-mnist")
}

let train = fashion_mnist(part: "train", limit: 10000)
let test  = fashion_mnist(part: "test")
print train
print test

model cnn {
    conv2d(16, 3, pad: 1) relu maxpool(2)
    conv2d(32, 3, pad: 1) relu maxpool(2)
    flatten
    dense(64) relu
    dense(10)
}
summary cnn, input: train

let r = train cnn on train, validate: test, optimizer: adam(lr: 0.001),
              loss: cross_entropy, epochs: 5, batch: 64
plot r.loss, r.val_loss title "loss"
plot r.accuracy, r.val_accuracy title "accuracy"

let final = evaluate r on test
print format("test accuracy {:.4f}", final.accuracy)
assert final.accuracy > 0.8, "a small CNN gets most of Fashion-MNIST right"
