let d = regression(fn(x) => x * inf, 5)
