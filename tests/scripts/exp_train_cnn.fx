# A small CNN on random images (seed 000's experiment, shrunk): the input
# shape comes from the data.
seed 0
let train = random_images(32, [3, 8, 8], classes: 4)
let val = random_images(8, [3, 8, 8], classes: 4)
model cnn {
    conv2d(4, 3, pad: 1)  relu  maxpool(2)
    conv2d(8, 3, pad: 1)  relu  maxpool(2)
    flatten
    dense(4)
}
let r = train cnn on train, validate: val, optimizer: adam(lr: 0.001),
              loss: cross_entropy, epochs: 3, batch: 8
summary r
print len(r.batch_loss), r.best_epoch
