# The data of the five seed documents, with their sizes and the invariants
# each must hold. Tolerances are about 5 standard errors of the statistic;
# the printed class balances are those of the default seed, 0.

# S0: 1000 training and 200 validation images, N(0, 1) pixels, 10 classes.
let train = random_images(1000, [3, 32, 32], classes: 10)
let val = random_images(200, [3, 32, 32], classes: 10)
print train
print val
assert train.shape == [3, 32, 32] and len(val) == 200
assert sum(train.counts) == 1000 and min(train.counts) > 0
# 20 images are 61440 pixels: se of the mean 0.004, of the std 0.003.
let px = []
for img in take(train, 20).x { for ch in img { for row in ch { for v in row { push(px, v) } } } }
assert len(px) == 61440
assert abs(mean(px)) < 0.02, format("pixel mean {}", mean(px))
assert abs(std(px) - 1) < 0.015, format("pixel std {}", std(px))

# S1b: y = 2x + 1 + N(0, 1) with x = 10 U(0, 1), 100 points.
fn line(x) = 2*x + 1
let s1 = regression(line, 100)
print s1
assert min(s1.x) >= 0 and max(s1.x) < 10
# S1c: y = x^3 + 2x^2 - 5x + 10 + N(0, 10), 200 points, a 70/30 split.
fn cubic(x) = x^3 + 2*x^2 - 5*x + 10
let s1c = regression(cubic, 200, noise: 10)
let parts = split(s1c, 0.3)
print parts.train
print parts.test
assert len(parts.train) == 140 and len(parts.test) == 60
# The noise: 2000 residuals N(0, 10), se of the std 0.16, of the mean 0.22.
let big = regression(cubic, 2000, noise: 10)
let xs = big.x
let ys = big.y
let res = []
for i in range(len(big)) { push(res, ys[i] - cubic(xs[i])) }
assert abs(std(res) - 10) < 0.8, format("noise std {}", std(res))
assert abs(mean(res)) < 1.1, format("noise mean {}", mean(res))

# S3: X = U(0, 1) 1000 x 10, y in {0, 1}; the last 20% for validation.
let s3 = random_data(1000, 10, dist: "uniform")
print s3
let flat = []
for row in s3.x { for v in row { push(flat, v) } }
assert min(flat) >= 0 and max(flat) < 1
# 10000 draws of U(0, 1): se of the mean 0.003.
assert abs(mean(flat) - 0.5) < 0.015, format("uniform mean {}", mean(flat))
assert s3.classes == 2 and len(s3.counts) == 2
let s3v = split(s3, 0.2, shuffle: false)
assert len(s3v.train) == 800 and len(s3v.test) == 200
assert s3v.test.x[0] == s3.x[800] and s3v.train.x[799] == s3.x[799]

# S4: N(0, 1) features, 100 x 10 and 1000 x 10, labels in {0, 1}.
let s4a = random_data(100, 10)
let s4b = random_data(1000, 10)
print s4a
print s4b
for y in s4b.y { assert y == 0 or y == 1 }
print "seed data ok"
