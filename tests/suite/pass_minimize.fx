# Passes: gradient descent on a parabola reaches its minimum.
fn f(x) = (x - 3)^2
let m = minimize f from 0, lr: 0.1, steps: 200
assert abs(m.x - 3) < 1e-6, "x reaches the minimum at 3"
assert m.f[-1] < m.f[0]
