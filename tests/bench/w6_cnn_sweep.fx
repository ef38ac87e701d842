# Benchmark W6: seed 000's CNN (W1) swept over four learning rates, 5
# epochs each, every point from the same start. Prints every point's loss
# curve in full, so that runs with different jobs: can be compared for
# identical results. Usage: fx w6_cnn_sweep.fx EPOCHS
seed 0
let data = random_images(1000, [3, 32, 32], classes: 10)
let val = random_images(200, [3, 32, 32], classes: 10)
model cnn {
    conv2d(16, 3, pad: 1) relu maxpool(2)
    conv2d(32, 3, pad: 1) relu maxpool(2)
    flatten dense(10)
}
let epochs = num(args[0])
let runs = sweep lr in [0.003, 0.001, 0.0003, 0.0001] {
    train cnn on data, validate: val, optimizer: adam(lr: lr),
          loss: cross_entropy, epochs: epochs, batch: 64
}
print runs.loss
print runs.val_loss
