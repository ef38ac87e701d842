# What minimize can differentiate: numbers, parameters, numbers in scope,
# + - * / ^, negation, the math built-ins, and functions written as one
# expression calling each other.
let a = 3
fn sq(u) = u * u
fn inner(x) = sq(x - a) / 2
fn h(x) = inner(x) + exp(-x) + log(x + 10) + sqrt(x + 10) + sin(x) * cos(x) + tanh(x) + abs(x) / 2 + tan(0.1*x)
let q = minimize h from 0, steps: 50
print format("{:.6f} {:.6f}", q.x, q.f[-1])
fn p(x) = -(x - 2)^4 * -1 + 2^x / 2^x
let r = minimize p from 0, lr: 0.01, steps: 200
print format("{:.3f}", r.x)
