# reshape() of a dataset whose samples do not hold that many numbers:
# the error names both sizes.
let d = load_csv("data/npy/flat.csv")
let r = reshape(d, [1, 5, 5])
