# Benchmark W5: a small CNN (conv 1->8, relu, maxpool, conv 8->16, relu,
# maxpool, dense 10) on Fashion-MNIST's 60,000 training images, Adam 0.001,
# batch 64, shuffled. Prints the seconds per epoch. Needs Debian's
# dataset-fashion-mnist. Usage: fx w5_fashion.fx EPOCHS
seed 0
let data = fashion_mnist(part: "train")
model cnn {
    conv2d(8, 3, pad: 1) relu maxpool(2)
    conv2d(16, 3, pad: 1) relu maxpool(2)
    flatten dense(10)
}
let epochs = num(args[0])
let r = train cnn on data, optimizer: adam(lr: 0.001), loss: cross_entropy,
              epochs: epochs, batch: 64
print format("{:.6f}", r.seconds / epochs)
