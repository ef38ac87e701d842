# 0.95 of 10 samples leaves nothing to train on.
let s = split(moons(10), 0.95)
