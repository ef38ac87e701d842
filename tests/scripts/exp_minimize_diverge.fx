# Too large a learning rate: each step overshoots further until f is inf;
# minimize says so, stops, and the result says diverged.
fn f(x) = x^2 - 4*x + 3
let d = minimize f from 0, lr: 1.5, steps: 2000
print d.diverged, d.steps, d.f[-1], len(d.f)
print map(d.f[:4], fn (v) => format("{:.1f}", v))
# lr 1 bounces between two points forever: no divergence, no progress.
let b = minimize f from 0, lr: 1, steps: 4
print b.path, b.f, b.diverged
