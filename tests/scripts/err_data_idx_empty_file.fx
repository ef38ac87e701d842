let d = load_idx("data/empty.csv", "data/tiny-labels-idx1-ubyte.gz")
