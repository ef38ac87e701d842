let s = split([1, 2, 3], 0.2)
