# validation_split: f holds out the last fraction of the data, as Keras
# does; stratify: true a shuffled one with each class's share.
seed 3
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let d = blobs(40, centers: 2, std: 3)
model m { dense(4, activation: "relu") dense(2) }
let a = train m on d, epochs: 2, batch: 8, validation_split: 0.25
let b = train m on d, epochs: 2, batch: 8, validation_split: 0.25, stratify: true
# The held-out tail is the same set as take(d, 30, 40).
let c = train m on take(d, 30), validate: take(d, 30, 40), epochs: 2, batch: 8, seed: 5, log: "none"
let e = train m on d, validation_split: 0.25, epochs: 2, batch: 8, seed: 5, log: "none"
print f4(c.val_loss) == f4(e.val_loss), f4(c.loss) == f4(e.loss)
