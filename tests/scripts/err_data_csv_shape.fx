# load_csv(shape:) that does not fit the feature columns.
let d = load_csv("data/npy/flat.csv", shape: [1, 8, 8])
