let xs = [1]
print pop(xs)
print pop(xs)
