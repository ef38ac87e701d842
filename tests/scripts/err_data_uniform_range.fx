let d = random_data(100, 5, dist: "uniform", low: 1, high: 1)
