# A reshape layer that does not fit its input names both sizes, at the layer.
model m {
    reshape([1, 28, 28])
    conv2d(4, 3)
}
summary m, input: [64]
