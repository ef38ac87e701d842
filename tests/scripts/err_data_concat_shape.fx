let c = concat(moons(10), random_data(10, 3))
