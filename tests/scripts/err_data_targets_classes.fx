let d = random_data(100, 5, classes: 3, targets: 1)
