# Seed 002 (002_54895ae3430f2620.txt), example 3: regularisation with
# dropout 0.5 (an MLP fc1 -> relu -> dropout -> fc2) and Adam with
# learning rate 0.001 and weight decay 1e-4.
#
# What it shows: on a small noisy data set the network without dropout
# drives its training loss down while the validation loss climbs
# (overfitting); with dropout the training loss is noisier and higher,
# and the gap between training and validation loss stays smaller.
import "lib.fx"
seed 4

let data = spirals(400, classes: 2, noise: 0.3)
let parts = split(data, 0.5)

model plain   { dense(256) relu dense(2) }
model dropped { dense(256) relu dropout(0.5) dense(2) }
let opt = adamw(lr: 0.001, weight_decay: 1e-4)
let a = train plain   on parts.train, validate: parts.test, optimizer: adam(lr: 0.001, weight_decay: 1e-4), epochs: 150, batch: 16
let b = train dropped on parts.train, validate: parts.test, optimizer: adam(lr: 0.001, weight_decay: 1e-4), epochs: 150, batch: 16
plot a.loss, a.val_loss, b.loss, b.val_loss, labels: ["no dropout: loss", "no dropout: val_loss", "dropout: loss", "dropout: val_loss"], title: "loss per epoch"

let gap_a = a.val_loss[-1] - a.loss[-1]
let gap_b = b.val_loss[-1] - b.loss[-1]
print format("final val_loss - loss: without dropout {:.3f}, with dropout {:.3f}", gap_a, gap_b)
assert gap_b < gap_a, "dropout keeps validation closer to training"
assert b.loss[-1] > a.loss[-1], "dropout's training loss stays higher"
