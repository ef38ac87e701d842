let t = take([1, 2], 1)
