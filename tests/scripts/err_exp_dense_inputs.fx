# A dense layer that does not fit the flattened conv output: the error
# points at the layer and names both sizes, when the model is built.
let d = random_images(8, [3, 8, 8], classes: 2, seed: 1)
model cnn {
    conv2d(4, 3, pad: 1)  relu  maxpool(2)
    flatten
    dense(10, inputs: 100)
    dense(2)
}
let r = train cnn on d, epochs: 1
