# Errs after a failed check: the error wins the script's verdict.
let xs = [1, 2, 3]
assert xs[0] == 2, "first item is two"
print xs[7]
