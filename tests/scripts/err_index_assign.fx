let xs = [0]
xs[1] = 5
