let d = load_idx("data/tiny-images-idx3-ubyte.gz", "data/labels-2d-idx2-ubyte.gz")
