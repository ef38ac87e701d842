# Not an IDX file at all.
let d = load_idx("data/not-idx.gz", "data/tiny-labels-idx1-ubyte.gz")
