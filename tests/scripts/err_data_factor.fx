let d = circles(100, factor: 1)
