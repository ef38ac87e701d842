# minimize f from x0: gradient descent with exact derivatives. The result:
# f after every step, the final x, the path of x, steps, lr, diverged.
fn f(x) = x^2 - 4*x + 3
let r = minimize f from 0, lr: 0.1, steps: 5
print keys(r)
print map(r.f, fn (v) => format("{:.4f}", v))
print map(r.path, fn (v) => format("{:.4f}", v))
print format("{:.5f}", r.x), r.steps, r.lr, r.diverged
# The defaults: lr 0.1, 100 steps.
let d = minimize f from 0
print d.steps, d.lr, format("{:.6f} {:.6f}", d.x, d.f[-1])
# Seed 001's learning rates: each f after 100 steps.
for lr in [0.01, 0.1, 0.2, 0.5] {
    let m = minimize f from 0, lr: lr, steps: 100
    print lr, format("{:.6f}", m.f[-1])
}
