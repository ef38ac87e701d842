# reshape(d, shape), load_csv(shape:) and the reshape layer keep each
# sample's numbers in row-major (C, H, W) order: the same as numpy's
# reshape (data/npy/expected.fx, written by tests/fixtures/gen_data_npy.py).
import "data/npy/expected.fx"
let flat = load_csv("data/npy/flat.csv")
print flat
let a = reshape(flat, [2, 3, 4])
print a, a.y
assert a.x == want.r_2_3_4
assert reshape(flat, [1, 4, 6]).x == want.r_1_4_6
assert reshape(flat, [4, -1]).x == want.r_4_m1
assert reshape(a, [24]).x == want.r_24 and reshape(a, [-1]).x == flat.x
let b = load_csv("data/npy/flat.csv", shape: [1, 4, 6])
print b
assert b.x == want.r_1_4_6
# the layer: a model on flat rows that starts with reshape([1, 4, 6]) sees
# the images numpy's reshape makes: the same losses, step for step, as the
# model given the reshaped data
model m { reshape([1, 4, 6]) }
summary m, input: flat
seed 3
model cnn { reshape([1, 4, 6]) conv2d(2, 3, pad: 1) relu flatten dense(2) }
model flat_cnn { reshape([-1, 4, 6]) conv2d(2, 3, pad: 1) relu flatten dense(2) }
let r1 = train cnn on b, epochs: 3, batch: 3, shuffle: false, log: "none"
seed 3
let r2 = train flat_cnn on flat, epochs: 3, batch: 3, shuffle: false, log: "none"
print r1.loss == r2.loss, r1.loss[-1] == r2.loss[-1], len(r1.loss)
