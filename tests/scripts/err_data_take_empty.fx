let t = take(moons(10), 5, 5)
