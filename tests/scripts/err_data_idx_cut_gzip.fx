# A gzip stream cut short.
let d = load_idx("data/cut-gzip-images.gz", "data/tiny-labels-idx1-ubyte.gz")
