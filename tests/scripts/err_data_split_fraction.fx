let s = split(moons(10), 1.5)
