# A name in a model block that is neither a layer nor a model.
let x = 3
model m { dense(2) x }
