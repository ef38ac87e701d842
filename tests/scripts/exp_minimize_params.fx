# A function of several parameters starts from a list and ends at one.
fn g(x, y) = (x - 1)^2 + 2*(y + 2)^2
let s = minimize g from [0, 0], lr: 0.1, steps: 50
print type(s.x), len(s.x), format("{:.4f} {:.4f} {:.6f}", s.x[0], s.x[1], s.f[-1])
print len(s.path), len(s.path[0])
# Rosenbrock's valley, slowly.
fn rosen(a, b) = (1 - a)^2 + 100 * (b - a^2)^2
let v = minimize rosen from [-1, 1], lr: 0.001, steps: 2000
print format("{:.3f} {:.3f} {:.4f}", v.x[0], v.x[1], v.f[-1])
# momentum: the velocity keeps a fraction of the last step.
fn f(x) = x^2 - 4*x + 3
let m = minimize f from 0, lr: 0.1, steps: 5, momentum: 0.9
print map(m.f, fn (v) => format("{:.4f}", v))
