# Benchmark: seed 000's CNN, 1000 random 3x32x32 images, Adam 0.001,
# batch 64, shuffled; prints the training seconds per epoch.
seed 0
let data = random_images(1000, [3, 32, 32], classes: 10)
model cnn {
    conv2d(16, 3, pad: 1) relu maxpool(2)
    conv2d(32, 3, pad: 1) relu maxpool(2)
    flatten dense(10)
}
let epochs = num(args[0])
let r = train cnn on data, optimizer: adam(lr: 0.001), epochs: epochs, batch: 64
print format("{:.6f}", r.seconds / epochs)
