# One-hot labels are not class indices.
let d = load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_onehot.npy")
