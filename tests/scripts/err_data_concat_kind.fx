let c = concat(random_data(10, 1), regression(fn(x) => x, 10))
