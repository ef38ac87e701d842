# How a dataset prints (size, sample shape, class balance) and its fields.
# seed: fixes each call's numbers, so this output never changes.
let d = random_images(1000, [3, 32, 32], classes: 10, seed: 1)
print d
print d.n, len(d), d.shape, d.classes, d.origin
print d.counts, sum(d.counts)
let r = regression(fn(x) => 2*x + 1, 100, seed: 1)
print r
print r.shape, r.classes, r.counts
# One-number samples and targets are plain numbers; wider samples lists.
print take(r, 3).x, take(r, 3).y
let u = random_data(3, 2, dist: "uniform", seed: 4)
print u
print u.x, u.y
let g = random_data(2, [2, 2], seed: 5)
print g.x
let t = random_data(2, 2, targets: 3, seed: 6)
print t
print t.y
print random_data(1, 4, classes: 3, seed: 1)
print moons(200), circles(100), spirals(301, classes: 3)
print blobs(10, centers: 5)
print [take(u, 1)]
print type(d), d
