# load_npz with a key the archive does not have: its arrays are listed.
let d = load_npz("data/npy/d.npz", x: "x_train", y: "labels")
