# f must return a number for every x.
fn f(x) = [x, 2 * x]
let d = regression(f, 10)
