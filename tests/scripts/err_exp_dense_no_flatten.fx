# dense right after a convolution: the message is clear, and a hint could
# say what to do (today there is none; its wording is a guess).
model cnn {
    conv2d(4, 3, pad: 1) relu maxpool(2)
    dense(10)
}
summary cnn, input: [3, 8, 8]
