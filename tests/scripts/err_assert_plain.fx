let xs = [1, 2]
assert len(xs) == 3
