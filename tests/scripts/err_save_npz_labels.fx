# An .npz file holds its labels already.
let d = load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_i8.npy")
save d to "never.npz", labels: "y.npy"
