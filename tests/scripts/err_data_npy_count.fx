# Labels of another length than the samples.
let d = load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_three.npy")
