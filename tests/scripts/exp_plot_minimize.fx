# plot of a minimize result draws its f, the x axis counting steps; a
# sweep of minimize calls one curve per learning rate (seed 001).
fn f(x) = x^2 - 4*x + 3
let m = minimize f from 0, lr: 0.1, steps: 20
plot m, width: 50, height: 6
plot sweep lr in [0.01, 0.1, 0.2, 0.5] { minimize f from 0, lr: lr, steps: 30 }, width: 60, height: 10
