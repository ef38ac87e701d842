let d = load_idx("data/tiny-images-idx3-ubyte.gz", "data/tiny-labels-idx1-ubyte.gz", limit: -1)
