let d = load_idx("data/tiny-images-idx3-ubyte.gz", "data/no-labels.gz")
