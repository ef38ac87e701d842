# An error inside f is reported there, called from the generator.
fn f(x) = [1, 2, 3][x]
let d = regression(f, 10)
