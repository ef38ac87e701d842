let d = moons(100, noise: -0.1)
