# let declares; = and += -= *= /= update names, list elements and fields.
let n = 10
n = n + 1
n += 4
n -= 5
n *= 3
n /= 6
print n
let xs = [1, 2, 3]
xs[0] = 100
xs[-1] += 10
xs[1] -= 1
xs[0] /= 4
xs[2] *= 2
print xs
let r = {loss: 1, steps: 0}
r.loss *= 0.5
r.steps += 1
r.loss -= 0.25
r["steps"] += 9
r.best = r.loss
r["extra"] = "x"
print r
let m = [[1, 2], [3, 4]]
m[1][0] += 30
let rec = {h: [0, 0]}
rec.h[1] = 5
print m, rec
let s = "a"
s += "b"
print s
