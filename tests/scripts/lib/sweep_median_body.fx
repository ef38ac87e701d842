# The median rule (Optuna's MedianPruner) against a prediction computed
# here from the unpruned sweep: going through the points in order, a point
# stops after the first epoch e past the warm-up, with `startup` points
# finished, at which its best val_loss so far is above the median of the
# finished (unpruned) points' val_loss at epoch e; a stopped point does
# not join the median. train's seed: fixes each run's start, so both
# sweeps see the same runs. Usage: fx this.fx WARMUP STARTUP
seed 0
let data = random_data(300, 6, classes: 2)
model net { dense(16) relu dense(2) }
let rates = [0.03, 0.3, 0.0003, 0.1, 0.00003, 0.01, 0.001, 0.0001, 0.003]
let warmup = num(args[0])
let startup = num(args[1])
let full = sweep lr in rates {
    train net on data, optimizer: adam(lr: lr), epochs: 8, batch: 32,
          validation_split: 0.2, seed: 1
}
let pr = sweep lr in rates, prune: median(warmup: warmup, startup: startup) {
    train net on data, optimizer: adam(lr: lr), epochs: 8, batch: 32,
          validation_split: 0.2, seed: 1
}
fn median_of(xs) {
    let s = sort(xs)
    let n = len(s)
    if n % 2 == 1 { return s[floor(n / 2)] }
    return (s[n / 2 - 1] + s[n / 2]) / 2
}
let done = []
let expect = []
for k in range(len(rates)) {
    let c = full[k].val_loss
    let stop = 8
    for e in range(warmup + 1, 8) {
        if stop == 8 and len(done) >= startup and len(done) > 0 {
            let m = median_of(map(done, fn (d) => d[e - 1]))
            if min(c[0:e]) > m { stop = e }
        }
    }
    expect = expect + [stop]
    if stop == 8 { done = done + [c] }
}
print "expected epochs:", expect
print "pruned epochs:  ", map(pr.results, fn (r) => r.epochs)
print "pruned flags:", map(pr.results, fn (r) => r.pruned)
print "statuses:", map(pr.results, fn (r) => r.status)
let same = true
for k in range(len(rates)) {
    let e = pr[k].epochs
    same = same and pr[k].val_loss == full[k].val_loss[0:e]
}
print "every history is the unpruned run's first epochs:", same
