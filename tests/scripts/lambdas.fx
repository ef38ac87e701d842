# Anonymous functions: 'fn (params) => expr' and 'fn (params) { ... }'.
let sq = fn (x) => x^2
print sq(4), (fn (a, b) => a - b)(10, 3), (fn () => "none taken")()
print map([1, 2, 3], fn (x) => x * 2), filter(range(10), fn (x) => x % 3 == 0)
let clamp = fn (x, lo = 0, hi = 1) {
    if x < lo { return lo }
    if x > hi { return hi }
    return x
}
print clamp(-1), clamp(0.5), clamp(7, hi: 5)
let compose = fn (f, g) => fn (x) => f(g(x))
print compose(fn (x) => x + 1, fn (x) => x * 10)(2)
let ys = map([1, 2, 3], fn (x) {
    let y = x * x
    return y + 1
})
print ys
let pick = fn (c) => c.lr
print map([{lr: 0.1}, {lr: 0.01}], pick)
