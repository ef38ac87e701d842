# save d to "x.npy", labels: "y.npy" and save d to "d.npz" write what
# load_npy and load_npz read back unchanged (classes as int64, regression
# targets as float32); numpy reads the same files when python3-numpy is
# installed (and says nothing when it agrees).
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat >"$dir/t.fx" <<'FX'
let d = load_npy("x.npy", "y.npy")
save d to "out_x.npy", labels: "out_y.npy"
save d to "out.npz"
let a = load_npy("out_x.npy", "out_y.npy")
let b = load_npz("out.npz")
print a
print b
print a.x == d.x and a.y == d.y and b.x == d.x and b.y == d.y
let r = load_npy("x.npy", "yr.npy")
save r to "r.npz"
print load_npz("r.npz").y == r.y, load_npz("r.npz")
FX
cp data/npy/x_be_f8_f.npy "$dir/x.npy"
cp data/npy/y_i8.npy "$dir/y.npy"
cp data/npy/y_f8_2.npy "$dir/yr.npy"
(cd "$dir" && "$FX" t.fx)
# numpy's view of the files, when it is installed; silent when it agrees
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    (cd "$dir" && /usr/bin/python3 -c '
import numpy as np
x, y = np.load("out_x.npy"), np.load("out_y.npy")
z, r = np.load("out.npz"), np.load("r.npz")
src = np.load("x.npy").astype(np.float32)
ok = (x.dtype == np.float32 and x.shape == (4, 2, 3) and y.dtype == np.int64
      and y.tolist() == [0, 2, 1, 2] and sorted(z.files) == ["x", "y"]
      and (x == src).all() and (z["x"] == src).all() and (z["y"] == y).all()
      and r["y"].dtype == np.float32 and r["y"].shape == (4, 2))
print("" if ok else "numpy reads other arrays: %s %s %s" % (x.dtype, x.shape, y.tolist()), end="")')
fi
