print range(1, 10, 2, 5)
