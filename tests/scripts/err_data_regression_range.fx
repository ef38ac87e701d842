let d = regression(fn(x) => x, 10, range: [5, 1])
