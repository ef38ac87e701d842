# Negative integer labels are not classes.
let d = load_npy("data/npy/x_le_f4_c.npy", "data/npy/y_neg.npy")
