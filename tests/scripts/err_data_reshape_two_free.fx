# reshape takes whole sizes, one of them -1 at most.
let d = load_csv("data/npy/flat.csv")
let r = reshape(d, [-1, -1])
