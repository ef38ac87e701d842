# Defaults are evaluated at each call and may use earlier parameters.
fn add(a, b = 10, c = a + b) = a + b + c
print add(1), add(1, 2), add(1, 2, 3), add(1, c: 0), add(c: 1, a: 2)
fn collect(x, into = []) {
    push(into, x)
    return into
}
print collect(1), collect(2), collect(3, into: [0])
let base = 100
fn offset(x, by = base / 10) = x + by
print offset(1), offset(1, by: 0)
fn descend(x0, lr = 0.1, steps = 100) {
    let x = x0
    for i in range(steps) { x = x - lr * (2*x - 4) }
    return x
}
print round(descend(0), 6), round(descend(0, steps: 1), 6), descend(2, lr: 0.5)
