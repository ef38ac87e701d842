# Seed 003 (003_2ad709392343d6a7.txt), example 3: L2 regularisation
# (kernel_regularizer l2(0.01) on both layers) and early stopping on
# val_loss with patience 3 and restore_best_weights, validation_split 0.2
# (Keras takes the last 20% of the data), at most 20 epochs, four curves.
# The same network without L2 runs beside it for comparison.
#
# What it shows: the labels are random, so there is little to learn.
# Without L2 the validation loss stops improving after a few epochs;
# early stopping ends training 3 epochs after the best one and puts back
# that epoch's weights: evaluated on the validation part they score the
# best validation loss. With L2 (the document's model) the loss includes
# the penalty, which keeps falling as the weights shrink: the curves are
# smooth and early stopping never needs to stop within 20 epochs.
# For a few seeds the L2 curve still wiggles a little, so both are trained
# over 10 seeds (new data and initial weights each) and the claims are
# made over them.
import "lib.fx"
seed 6

model plain(init: "glorot_uniform") { dense(64) relu dense(1) sigmoid }
model l2net(init: "glorot_uniform") {
    dense(64, l2: 0.01) relu
    dense(1, l2: 0.01) sigmoid
}
let stop = {monitor: "val_loss", patience: 3, restore_best: true}
let runs = sweep regularise in ["none", "l2"], repeat: 10 {
    let data = random_data(1000, 10, dist: "uniform", classes: 2)
    let r = none
    if regularise == "none" {
        r = train plain on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
                  epochs: 20, batch: 32, validation_split: 0.2, early_stopping: stop
        let e = evaluate r on take(data, 800, 1000)
        assert r.restored_best and abs(e.loss - min(r.val_loss)) < 1e-5,
               "the best epoch's weights were put back"
    } else {
        r = train l2net on data, optimizer: adam(lr: 0.001), loss: binary_cross_entropy,
                  epochs: 20, batch: 32, validation_split: 0.2, early_stopping: stop
    }
    r
}
assert runs.errors == [none, none], "every repeat trained and passed its checks"
let a = runs[0].runs[0]
let b = runs[1].runs[0]
plot b.loss, b.val_loss, b.accuracy, b.val_accuracy title "with L2: the document's four curves (first seed)"
plot a.loss, a.val_loss, a.accuracy, a.val_accuracy title "without L2 (first seed)"
table runs

let osc_a = map(runs[0].runs, fn (r) => oscillation(r.val_loss))
let osc_b = map(runs[1].runs, fn (r) => oscillation(r.val_loss))
print format("without L2: {} of 10 seeds stopped early, after {} epochs on average; val_loss oscillation {:.6f} (mean over 10 seeds)",
             len(filter(runs[0].runs, fn (r) => r.stopped_early)), mean(map(runs[0].runs, fn (r) => r.epochs)), mean(osc_a))
print format("with L2: all 20 epochs, val_loss oscillation {:.6f} (mean over 10 seeds)", mean(osc_b))

let stopped = filter(runs[0].runs, fn (r) => r.stopped_early)
assert len(stopped) >= 7, "without L2, early stopping ends most runs within 20 epochs"
assert len(filter(stopped, fn (r) => r.epochs == r.best_epoch + 3)) == len(stopped),
       "each stops 3 epochs after its best"
assert len(filter(runs[1].runs, fn (r) => r.stopped_early)) == 0, "with L2 it never stops early"
let c = compare(osc_a, osc_b)
print format("Welch's t-test on the oscillations: p = {:.2g} (they are skewed: most L2 seeds give 0)", c.p)
assert mean(osc_b) < 0.25 * mean(osc_a), "with L2 the validation loss falls far more smoothly"

# The diagnosis over the 10 repeats. Without L2 the validation loss only
# stops improving: over a run it spans at most 3% of its minimum (measured
# for script seeds 200, 500, 600 and 700), short of the 5% rise the
# overfitting rule asks for, and the training loss stays near ln 2:
# nothing was learned, so the diagnosis says underfitting for most runs
# (9 or 10 of 10; the others are healthy), never overfitting; early
# stopping ends each run before overfitting could show. With L2 no run
# overfits either.
assert len(filter(runs[0].runs, fn (r) => contains(r.diagnosis, "overfitting"))) == 0,
       "without L2 no run is diagnosed overfitting: the validation loss never rises by 5%"
assert len(filter(runs[0].runs, fn (r) => contains(r.diagnosis, "underfitting"))) >= 8,
       "without L2 the diagnosis says underfitting: nothing carries over from random labels"
assert len(filter(runs[1].runs, fn (r) => contains(r.diagnosis, "overfitting"))) == 0,
       "with L2 no run is diagnosed overfitting"
