# 5 images, 4 labels.
let d = load_idx("data/tiny-images-idx3-ubyte.gz", "data/four-labels-idx1-ubyte.gz")
