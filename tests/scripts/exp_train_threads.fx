# threads: N changes how fast training runs, never its numbers.
seed 4
let d = random_images(24, [2, 6, 6], classes: 3)
model cnn { conv2d(4, 3, pad: 1) relu maxpool(2) flatten dense(3) }
let one = train cnn on d, epochs: 2, batch: 8, threads: 1, seed: 1, log: "none"
let four = train cnn on d, epochs: 2, batch: 8, threads: 4, seed: 1, log: "none"
print one.batch_loss == four.batch_loss, one.loss == four.loss
print map(one.loss, fn (x) => format("{:.4f}", x))
