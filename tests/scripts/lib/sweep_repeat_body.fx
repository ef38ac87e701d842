# A sweep over two learning rates trained over three seeds each; prints
# what tests/scripts/sweep_repeat.sh compares. Usage: fx this.fx JOBS
seed 4
let data = random_data(240, 5, classes: 2)
model net { dense(12) relu dense(2) }
let runs = sweep lr in [0.05, 0.00001], repeat: 3, jobs: num(args[0]) {
    train net on data, optimizer: adam(lr: lr), epochs: 5, batch: 16, validation_split: 0.25
}
print runs[0].seeds, runs[0].repeats, len(runs[0].runs)
print runs[0].runs[2].label
print runs[1].loss
print runs[1].std.val_loss
print runs.val_loss[0] == runs[0].val_loss
# the mean and the sample std, epoch by epoch, from the single runs
let ok = true
for p in runs.results {
    for e in range(5) {
        let xs = [p.runs[0].loss[e], p.runs[1].loss[e], p.runs[2].loss[e]]
        ok = ok and abs(p.loss[e] - mean(xs)) < 1e-12
        ok = ok and abs(p.std.loss[e] - std(xs) * sqrt(3 / 2)) < 1e-12
        ok = ok and p.min.loss[e] == min(xs) and p.max.loss[e] == max(xs)
    }
}
print "mean, std, min and max agree with the runs:", ok
let c = compare(runs[0], runs[1], metric: "loss")
print c.metric, c.at, c.n_a, c.n_b, c.differ, c.p < 0.05, c.diff < 0
let b = compare(runs[0], runs[1], metric: "val_accuracy", at: "best")
print b.at, b.metric
