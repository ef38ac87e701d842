# Benchmark W1: seed 000's CNN on 1000 random 3x32x32 images, validated on
# 200 more each epoch, Adam 0.001, batch 64, shuffled. Prints the seconds
# per epoch of training with validation. Usage: fx w1_cnn.fx EPOCHS
seed 0
let data = random_images(1000, [3, 32, 32], classes: 10)
let val = random_images(200, [3, 32, 32], classes: 10)
model cnn {
    conv2d(16, 3, pad: 1) relu maxpool(2)
    conv2d(32, 3, pad: 1) relu maxpool(2)
    flatten dense(10)
}
let epochs = num(args[0])
let r = train cnn on data, validate: val, optimizer: adam(lr: 0.001),
              loss: cross_entropy, epochs: epochs, batch: 64
print format("{:.6f}", r.seconds / epochs)
