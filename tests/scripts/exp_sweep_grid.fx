# sweep a in [...], b in [...] { body }: the cartesian grid, the first
# variable varying slowest, each point labelled "a=..., b=...". The body's
# last expression is the point's result.
let s = sweep lr in [0.1, 0.01], batch in [16, 64, 256] {
    let cost = lr * batch
    {lr: lr, batch: batch, cost: cost}
}
print s
print len(s), type(s)
print s.labels
print s.params[4]
print s.results[1]
print s[0].cost, s[-1].cost
print s.cost
print s.cost[2], s.cost.labels[2], len(s.cost)
print s.errors
# Any value can be swept; strings show without quotes in labels.
let t = sweep opt in ["sgd", "adam"], flag in [true, false] { opt + str(flag) }
print t.labels, t.results
# A body whose last statement is not an expression gives none.
let u = sweep k in [1, 2] { let z = k * 2 }
print u.results
