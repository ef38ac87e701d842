# A convolution whose output would be empty: the layer and its input.
model cnn {
    conv2d(4, 3) relu maxpool(2)
    conv2d(4, 5)
}
summary cnn, input: [3, 8, 8]
