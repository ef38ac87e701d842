# The start point must match the number of parameters.
fn g(x, y) = x^2 + y^2
let r = minimize g from 1
