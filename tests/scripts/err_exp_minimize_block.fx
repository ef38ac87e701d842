# minimize differentiates a function written as one expression.
fn f(x) {
    return x^2
}
let r = minimize f from 0
