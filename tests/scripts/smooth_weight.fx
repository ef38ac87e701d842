print smooth([1, 2], 1)
