# Every point of a sweep starts from the same initial weights and the same
# shuffles: only the swept value differs. With lr 0 nothing moves, so all
# points predict the same; and the first step's loss is the same for all.
seed 3
let d = blobs(20, centers: 2, std: 3)
model m { dense(4, activation: "relu") dropout(0.5) dense(2) }
let runs = sweep lr in [0, 0.5, 1] {
    train m on d, epochs: 2, batch: 5, optimizer: sgd(lr: lr), log: "none"
}
print runs.batch_loss[0][0] == runs.batch_loss[1][0], runs.batch_loss[1][0] == runs.batch_loss[2][0]
print runs.loss[1] == runs.loss[2]
let zero = sweep k in [1, 2, 3] { train m on d, epochs: 1, optimizer: sgd(lr: 0), log: "none" }
let p0 = predict zero[0] on d
let p2 = predict zero[2] on d
print p0 == p2
# After the sweep, training goes on drawing new weights.
let after = train m on d, epochs: 1, optimizer: sgd(lr: 0), log: "none"
let pa = predict after on d
print pa == p0
