let d = load_idx("data/truncated-images-idx3-ubyte.gz", "data/tiny-labels-idx1-ubyte.gz")
