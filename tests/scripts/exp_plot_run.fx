# plot of a run draws its loss and val_loss, the x axis counting epochs;
# its curves can be plotted one by one too.
seed 3
let d = blobs(60, centers: 2, std: 3)
let s = split(d, 0.25)
model m { dense(8, activation: "relu") dense(2) }
let r = train m on s.train, validate: s.test, epochs: 6, batch: 10, optimizer: sgd(lr: 0.05), log: "none"
plot r, width: 60, height: 8 title "run"
plot r.accuracy, r.val_accuracy, width: 60, height: 6
plot r.batch_loss, width: 60, height: 6, xlabel: "step"
