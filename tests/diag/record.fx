# Records real fx runs for the diagnosis corpus (tests/diag/): each run's
# histories printed as one corpus entry (see README), the verdicts it
# should get set by how the run was made, not by what the rules say.
# Run by record.sh, which writes the output to recorded.runs.

fn nums(xs) = join(map(xs, fn (x) => format("{:.6g}", x)), " ")

fn emit(name, how, expect, allow, r, classes, val_n) {
    print "run " + name
    print "source: recorded: " + how
    print "expect: " + expect
    print "allow: " + allow
    print format("classes: {}", classes)
    print format("val_n: {}", val_n)
    print "loss: " + nums(r.loss)
    if classes > 0 { print "accuracy: " + nums(r.accuracy) }
    if val_n > 0 {
        print "val_loss: " + nums(r.val_loss)
        if classes > 0 { print "val_accuracy: " + nums(r.val_accuracy) }
    }
    print "batch_loss: " + nums(r.batch_loss)
    print "end"
    print ""
}

# Seed 003's MLP on uniform inputs with random labels.
model mlp(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }

for s in range(4) {
    seed 100 + s
    let d = random_data(1000, 10, dist: "uniform", classes: 2)
    let r = train mlp on d, optimizer: adam(lr: 0.1), loss: binary_cross_entropy, epochs: 10,
                batch: 32, log: "none"
    emit(format("s3a_lr0.1_seed{}", s), "seed 003 MLP, random labels, adam 0.1, batch 32, 10 epochs",
         "oscillation", "gradient_noise plateau underfitting", r, 2, 0)
    let r8 = train mlp on d, optimizer: adam(lr: 0.001), loss: binary_cross_entropy, epochs: 10,
                 batch: 8, log: "none"
    emit(format("s3b_batch8_seed{}", s), "seed 003 MLP, random labels, adam 0.001, batch 8, 10 epochs",
         "gradient_noise", "underfitting plateau slow", r8, 2, 0)
    let r1 = train mlp on d, optimizer: adam(lr: 1.0), loss: binary_cross_entropy, epochs: 10,
                 batch: 32, log: "none"
    emit(format("s3_lr1_seed{}", s), "seed 003 MLP, random labels, adam 1.0, batch 32, 10 epochs",
         "lr_too_high", "oscillation gradient_noise plateau divergence", r1, 2, 0)
    let r6 = train mlp on d, optimizer: adam(lr: 0.000001), loss: binary_cross_entropy,
                 epochs: 10, batch: 32, log: "none"
    emit(format("s3_lr1e-6_seed{}", s), "seed 003 MLP, random labels, adam 1e-6, batch 32, 10 epochs",
         "slow", "", r6, 2, 0)
}

# Seed 002's linear model: batch 512 is slow; batch 32 converges.
let w = [0.5, -1, 2, 0, 1.5, -0.5, 1, -2, 0.25, 0.75]
fn target(row) {
    let s = 0
    for i in range(len(row)) { s += row[i] * w[i] }
    return s
}
model linear { dense(1) }
for s in range(3) {
    seed 200 + s
    let xs = random_data(2560, 10).x
    let eps = random_data(2560, 1).x
    let parts = split(dataset(xs, map(range(len(xs)), fn (i) => target(xs[i]) + 0.5 * eps[i])), 0.2)
    let slow = train linear on parts.train, validate: parts.test, optimizer: sgd(lr: 0.01),
                   loss: mse, epochs: 30, batch: 512, log: "none"
    emit(format("s2a_batch512_seed{}", s), "seed 002 linear model, sgd 0.01, batch 512, 30 epochs",
         "slow", "", slow, 0, 512)
    let fine = train linear on parts.train, validate: parts.test, optimizer: sgd(lr: 0.01),
                   loss: mse, epochs: 30, batch: 32, log: "none"
    emit(format("s2a_batch32_seed{}", s), "seed 002 linear model, sgd 0.01, batch 32, 30 epochs",
         "healthy", "", fine, 0, 512)
    let boom = train linear on parts.train, validate: parts.test, optimizer: sgd(lr: 2.0),
                   loss: mse, epochs: 10, batch: 32, log: "none"
    emit(format("linear_sgd2_seed{}", s), "seed 002 linear model, sgd 2.0, batch 32",
         "divergence", "lr_too_high", boom, 0, 512)
}

# Memorisation: random labels, 10 classes, a wide MLP, many epochs.
model wide { dense(256) relu dense(10) }
for s in range(3) {
    seed 300 + s
    let tr = random_data(200, 20, classes: 10)
    let va = random_data(200, 20, classes: 10)
    let r = train wide on tr, validate: va, optimizer: adam(lr: 0.01), loss: cross_entropy,
                epochs: 40, batch: 32, log: "none"
    emit(format("memorise_seed{}", s), "random labels, 10 classes, 200 samples, dense 256, adam 0.01",
         "memorisation overfitting", "gradient_noise", r, 10, 200)
}

# Overfitting: 50 noisy moons, a big MLP, adam 0.01, 150 epochs.
model big { dense(256) relu dense(256) relu dense(2) }
for s in range(3) {
    seed 400 + s
    let tr = moons(50, noise: 0.35)
    let va = moons(300, noise: 0.35)
    let r = train big on tr, validate: va, optimizer: adam(lr: 0.01), loss: cross_entropy,
                epochs: 150, batch: 10, log: "none"
    emit(format("overfit50_seed{}", s), "50 noisy moons, MLP 256-256, adam 0.01, 150 epochs",
         "overfitting", "gradient_noise oscillation", r, 2, 300)
}

# Underfitting: a linear classifier on circles.
model flat { dense(2) }
for s in range(3) {
    seed 500 + s
    let d = split(circles(600, noise: 0.05), 0.25)
    let r = train flat on d.train, validate: d.test, optimizer: adam(lr: 0.01),
                loss: cross_entropy, epochs: 30, batch: 32, log: "none"
    emit(format("circles_linear_seed{}", s), "circles, linear classifier, adam 0.01, 30 epochs",
         "underfitting", "plateau gradient_noise", r, 2, 150)
}

# Healthy: MLPs on learnable data, tuned learning rate, validation.
model mlp2 { dense(32) relu dense(2) }
model mlp3 { dense(64) relu dense(3) }
for s in range(4) {
    seed 600 + s
    let m = split(moons(800, noise: 0.2), 0.25)
    let r = train mlp2 on m.train, validate: m.test, optimizer: adam(lr: 0.01),
                loss: cross_entropy, epochs: 15, batch: 32, log: "none"
    # Made to be healthy, but seed 1's validation loss rises 11% over its
    # last 3 epochs while the training loss falls: labelled by looking.
    let label = "healthy"
    if s == 1 { label = "overfitting" }
    emit(format("moons_adam_seed{}", s), "moons, MLP 32, adam 0.01, batch 32, 15 epochs",
         label, "", r, 2, 200)
    let b = split(blobs(900, centers: 3, std: 2.5), 0.25)
    let rb = train mlp3 on b.train, validate: b.test, optimizer: adam(lr: 0.01),
                 loss: cross_entropy, epochs: 15, batch: 64, log: "none"
    emit(format("blobs_adam_seed{}", s), "3 blobs, std 2.5, MLP 64, adam 0.01, batch 64, 15 epochs",
         "healthy", "", rb, 3, 225)
    let c = split(circles(800, noise: 0.08), 0.25)
    let rc = train mlp2 on c.train, validate: c.test, optimizer: adam(lr: 0.01),
                 loss: cross_entropy, epochs: 20, batch: 32, log: "none"
    emit(format("circles_mlp_seed{}", s), "circles, MLP 32, adam 0.01, batch 32, 20 epochs",
         "healthy", "", rc, 2, 200)
}
