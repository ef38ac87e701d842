let d = random_data(0, 5)
