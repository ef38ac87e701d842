# Successive halving against the rule, computed here from the unpruned
# sweep: each rung keeps the best third by best val_loss so far, and a
# pruned point's history is the unpruned run's first epochs, bit for bit.
# train's seed: fixes each run's start, so both sweeps see the same runs.
# Usage: fx this.fx JOBS
seed 0
let data = random_data(300, 6, classes: 2)
model net { dense(16) relu dense(2) }
let rates = [0.3, 0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001, 0.00003]
let full = sweep lr in rates {
    train net on data, optimizer: adam(lr: lr), epochs: 9, batch: 32,
          validation_split: 0.2, seed: 1
}
let pr = sweep lr in rates, prune: halving(min_epochs: 1, eta: 3), jobs: num(args[0]) {
    train net on data, optimizer: adam(lr: lr), epochs: 9, batch: 32,
          validation_split: 0.2, seed: 1
}
# the rule: rung epochs 1, 3, then to the end
let alive = range(9)
let expect = [9, 9, 9, 9, 9, 9, 9, 9, 9]
let cap = 1
while len(alive) > 1 {
    let scores = map(alive, fn (k) => min(full[k].val_loss[0:cap]))
    let order = sort(range(len(alive)), key: fn (i) => scores[i])
    let keep = max(1, ceil(len(alive) / 3))
    if keep == len(alive) { keep = keep - 1 }
    for i in order[keep:] { expect[alive[i]] = cap }
    alive = sort(map(order[0:keep], fn (i) => alive[i]))
    cap = cap * 3
}
print "expected epochs:", expect
print "pruned epochs:  ", map(pr.results, fn (r) => r.epochs)
print "pruned flags:", map(pr.results, fn (r) => r.pruned)
print "statuses:", map(pr.results, fn (r) => r.status)
let same = true
for k in range(9) {
    let e = pr[k].epochs
    same = same and pr[k].val_loss == full[k].val_loss[0:e] and pr[k].loss == full[k].loss[0:e]
}
print "every history is the unpruned run's first epochs:", same
