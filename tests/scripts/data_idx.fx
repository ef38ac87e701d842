# load_idx: images and labels in MNIST's IDX format, read straight from
# .gz (or plain) files; pixels scaled to [0, 1], one channel. The files
# come from data/make_idx.py: pixel i of the five 2x3 images is 8i.
let d = load_idx("data/tiny-images-idx3-ubyte.gz", "data/tiny-labels-idx1-ubyte.gz")
print d
print d.x[0], d.x[4]
print d.y, d.origin
assert abs(d.x[1][0][1][2] - (6 + 5) * 8 / 255) < 1e-7
let p = load_idx("data/tiny-images-idx3-ubyte", "data/tiny-labels-idx1-ubyte", limit: 2)
print p
assert p.x == take(d, 2).x
print load_idx("data/tiny-images-idx3-ubyte.gz", "data/tiny-labels-idx1-ubyte.gz", classes: 10)
