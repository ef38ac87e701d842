print split("a b", seed: 1)
