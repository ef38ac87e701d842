# Passing split()'s record where a dataset is wanted: a hint.
let s = split(moons(10), 0.2)
let z = normalize(s)
