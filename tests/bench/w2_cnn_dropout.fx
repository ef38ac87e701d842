# Benchmark W2: seed 004's CNN (dense 128 relu, dropout 0.5, dense 10) on
# 1000 random 3x32x32 images, Adam 0.001, batch 32, shuffled. Prints the
# seconds per epoch. Usage: fx w2_cnn_dropout.fx EPOCHS
seed 0
let data = random_images(1000, [3, 32, 32], classes: 10)
model cnn {
    conv2d(16, 3, pad: 1) relu maxpool(2)
    conv2d(32, 3, pad: 1) relu maxpool(2)
    flatten
    dense(128) relu dropout(0.5)
    dense(10)
}
let epochs = num(args[0])
let r = train cnn on data, optimizer: adam(lr: 0.001), loss: cross_entropy,
              epochs: epochs, batch: 32
print format("{:.6f}", r.seconds / epochs)
