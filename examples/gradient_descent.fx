# Seed 001 (001_42de9b3fc324c79e.txt), example 1, by hand: gradient descent
# on f(x) = x^2 - 4x + 3 from x = 0 with four learning rates, 100 steps.
# Small steps crawl towards the minimum at x = 2; lr 0.5 jumps there in one
# step (f is quadratic with curvature 2, so lr = 1/2 is Newton's step).
fn f(x) = x^2 - 4*x + 3
fn df(x) = 2*x - 4

for lr in [0.01, 0.1, 0.2, 0.5] {
    let x = 0
    for step in range(100) { x = x - lr * df(x) }
    print format("lr {:<5} x {:.6f}  f(x) {:.6f}", lr, x, f(x))
}
assert abs(f(2) + 1) < 1e-12, "the minimum of f is -1 at x = 2"
