# load_npy and load_npz against numpy: every dtype (bool, int8-64, uint8-64,
# float16/32/64), both byte orders, C and Fortran order and the three
# format versions give the float32 values numpy gives (data/npy/expected.fx,
# written by tests/fixtures/gen_data_npy.py with numpy, is the oracle).
import "data/npy/expected.fx"
let y = "data/npy/y_i8.npy"
let d = load_npy("data/npy/x_le_f4_c.npy", y)
print d
print d.x[0], d.y
let n = 0
for t in ["f2", "f4", "f8", "i1", "i2", "i4", "i8"] {
    for e in ["le", "be"] {
        for o in ["c", "f"] {
            let name = format("x_{}_{}_{}", e, t, o)
            let x = load_npy(format("data/npy/{}.npy", name), y).x
            assert x == want[name], name
            n = n + 1
        }
    }
}
for t in ["u1", "u2", "u4", "u8"] {
    for e in ["le", "be"] {
        let name = format("x_{}_{}", e, t)
        assert load_npy(format("data/npy/{}.npy", name), y).x == want[name], name
        n = n + 1
    }
}
assert load_npy("data/npy/x_b1.npy", y).x == want.x_b1
for v in [1, 2, 3] {
    assert load_npy(format("data/npy/x_v{}.npy", v), y).x == want.x_v, format("version {}.0", v)
}
print n + 4, "arrays as numpy reads them"
# float64 rounds to the nearest float32, as numpy's astype does
let r = load_npy("data/npy/x_f8_round.npy", y)
print r.x
assert r.x == want.x_f8_round
# labels: integer dtypes are classes, float dtypes regression targets
print load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_u1.npy")
print load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_be_i4.npy").y
print load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_b1.npy")
print load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_f4.npy")
let t = load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_f8_2.npy")
print t, t.y
assert t.y == want.y_f8_2
print load_npy("data/npy/x_le_f4_c.npy", y, classes: 5)
print load_npy("data/npy/x_le_f4_c.npy", y, regression: true)
print load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_neg.npy", regression: true).y
# NPZ: numpy.savez (stored) and savez_compressed (deflated)
for f in ["d", "dc"] {
    let z = load_npz(format("data/npy/{}.npz", f), x: "x_train", y: "y_train")
    let w = load_npz(format("data/npy/{}.npz", f), x: "x_test.npy", y: "y_test")
    print z, w
    assert z.x == d.x and w.x == want.x_test
}
