# Seed 003 (003_2ad709392343d6a7.txt), example 1: a high learning rate
# makes loss and accuracy oscillate. X = U(0, 1) of 1000 x 10, y in {0, 1}
# at random; dense 64 relu, dense 1 sigmoid (Keras: Glorot uniform
# initialisation); binary cross-entropy; Adam with learning rate 0.1
# against 0.001; batch 32; 10 epochs.
#
# What it shows: at 0.001 the loss moves smoothly; at 0.1 the optimizer
# overshoots and the loss jumps up and down from batch to batch and from
# epoch to epoch.
import "lib.fx"
seed 5

let data = random_data(1000, 10, dist: "uniform", classes: 2)
model net(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }

let runs = sweep lr in [0.1, 0.001] {
    train net on data, optimizer: adam(lr: lr), loss: binary_cross_entropy, epochs: 10, batch: 32
}
plot runs.loss     title "loss per epoch"
plot runs.accuracy title "accuracy per epoch"
table runs

print format("noise of the per-batch loss: lr 0.1 {:.4f}, lr 0.001 {:.4f}",
             noise(runs[0].batch_loss), noise(runs[1].batch_loss))
assert noise(runs[0].batch_loss) > noise(runs[1].batch_loss), "lr 0.1 is noisier"
assert oscillation(runs[0].loss) > oscillation(runs[1].loss), "lr 0.1 oscillates more per epoch"

# The diagnosis names it, for 10 seeds: at 0.1 the loss oscillates, or
# (seed 7) the run spikes and stays stuck, lr_too_high, which folds its
# oscillation in as a consequence (see DIAGNOSIS OF A RUN in fx(7)).
diagnose(runs[0])
for s in range(10) {
    seed s
    let d = random_data(1000, 10, dist: "uniform", classes: 2)
    let r = train net on d, optimizer: adam(lr: 0.1), loss: binary_cross_entropy, epochs: 10,
                batch: 32, log: "none"
    assert contains(r.diagnosis, "oscillation") or contains(r.diagnosis, "lr_too_high"),
           format("seed {}: lr 0.1 oscillates", s)
}
