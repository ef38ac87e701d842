# A CNN's summary: conv2d with pad, stride and bias: false, both pools
# (a pool's stride defaults to its kernel), flatten, dropout, batchnorm
# (its statistics are non-trainable), leaky_relu, and activation: as a
# layer of its own after the one that names it.
model cnn {
    conv2d(4, 3, pad: 1)  relu  maxpool(2)
    conv2d(8, 3, stride: 2, bias: false)  relu
    avgpool(2, stride: 1)
    flatten
    dropout(0.5)
    dense(10)
    batchnorm
    leaky_relu(0.2)
    dense(2, activation: "sigmoid")
}
summary cnn, input: [3, 16, 16]
model pools { maxpool2d(3, stride: 2, pad: 1) avgpool2d(2) flatten }
summary pools, input: [2, 9, 9]
model bn { batchnorm(momentum: 0.2, eps: 0.001) tanh softmax }
summary bn, input: [4]
model img { batchnorm conv2d(2, 1) }
summary img, input: [3, 4, 4]
