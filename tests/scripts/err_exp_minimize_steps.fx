# minimize steps: must be a whole number.
fn f(x) = x^2
let r = minimize f from 1, steps: 2.5
