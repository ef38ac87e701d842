# Sweep labels write numbers as a person would: 4 significant digits, more
# only where needed to tell two points apart, integers whole, and the
# shortest exact text when that is shorter.
fn f(x) = x^2
let s = sweep lr in logspace(-4, 0, n: 4), b in [16, 1000000] {
    minimize f from 1, lr: lr, steps: 2
}
print s.labels
let t = sweep lr in [0.0010001, 0.001, 1/3] { minimize f from 1, lr: lr, steps: 2 }
print t.labels
