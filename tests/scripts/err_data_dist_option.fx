# low: means nothing for the default normal distribution.
let d = random_data(100, 5, low: -1)
