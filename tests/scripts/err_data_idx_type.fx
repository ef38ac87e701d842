let d = load_idx("data/float-images-idx3.gz", "data/tiny-labels-idx1-ubyte.gz")
