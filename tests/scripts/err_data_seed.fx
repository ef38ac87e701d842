let d = moons(100, seed: -1)
