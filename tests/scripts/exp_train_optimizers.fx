# Every optimizer trains; each line is the loss per epoch from the same
# initial weights (train's seed:).
seed 3
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let d = blobs(40, centers: 3, std: 2)
model m { dense(8, activation: "relu") dropout(0.25) batchnorm dense(3) }
optimizer momentum = sgd(lr: 0.05, momentum: 0.9)
let opts = [["sgd", sgd(lr: 0.05)], ["momentum", momentum],
            ["nesterov", sgd(lr: 0.05, momentum: 0.9, nesterov: true)],
            ["dampening+wd", sgd(lr: 0.05, momentum: 0.9, dampening: 0.5, weight_decay: 0.01)],
            ["adam", adam(lr: 0.01)], ["amsgrad", adam(lr: 0.01, amsgrad: true)],
            ["adamw", adamw(lr: 0.01)], ["rmsprop", rmsprop(lr: 0.01)],
            ["rmsprop centered", rmsprop(lr: 0.01, momentum: 0.5, centered: true)],
            ["adagrad", adagrad(lr: 0.1)],
            ["adagrad decay", adagrad(lr: 0.1, lr_decay: 0.1, initial_accumulator: 0.1)]]
for p in opts {
    let r = train m on d, epochs: 3, batch: 10, optimizer: p[1], seed: 1, log: "none"
    print format("{:<17}", p[0]), f4(r.loss)
}
# Without optimizer: it is adam(lr: 0.001).
let a = train m on d, epochs: 2, batch: 10, seed: 1, log: "none"
let b = train m on d, epochs: 2, batch: 10, seed: 1, optimizer: adam(), log: "none"
print a.loss == b.loss, a.lr
