let α = 0.1
