pi += 1
