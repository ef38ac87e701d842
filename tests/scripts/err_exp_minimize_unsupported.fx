# minimize of a function using what it cannot differentiate: the error
# points into the function.
fn f(x) = x % 3
let r = minimize f from 0
