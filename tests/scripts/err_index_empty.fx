let xs = []
print xs[0]
