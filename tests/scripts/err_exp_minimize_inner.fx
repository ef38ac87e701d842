# ... also inside a function it calls; the call is shown.
fn g(x) = [x][0]
fn f(x) = g(x) + 1
let r = minimize f from 1, steps: 3
