# An optimizer argument that does not exist.
let opt = adam(lrr: 0.1)
