let z = normalize(moons(10), like: random_data(10, 3))
