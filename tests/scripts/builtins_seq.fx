# sort (key:, reverse:), reverse, push, pop, contains, map, filter.
print sort([3, 1, 2]), sort(["pear", "apple", "fig"]), sort([]), sort([2, 1], reverse: false)
print sort([3, 1, 2], reverse: true), sort(["bb", "a", "ccc"], key: fn (s) => len(s))
let runs = [{lr: 0.1, loss: 0.3}, {lr: 0.01, loss: 0.1}, {lr: 1, loss: 2}]
print map(sort(runs, key: fn (r) => r.loss), fn (r) => r.lr)
print map(sort(runs, key: fn (r) => r.lr, reverse: true), fn (r) => r.loss)
print sort([[2], [1]], key: fn (x) => x[0]), sort([2, 1, 2, 1], key: fn (x) => 0)
let xs = [1, 2, 3]
print reverse(xs), xs, reverse([])
let ys = []
print push(ys, 1), push(ys, [2]), ys
print pop(ys), ys, len(ys)
print contains([1, 2], 2), contains([1, [2]], [2]), contains([1], "1")
print contains("hello", "ell"), contains("hello", "z"), contains({a: 1}, "a"), contains({a: 1}, "b")
print map([1, 2, 3], fn (x) => x * x), map([], fn (x) => x), map([-1, 2], abs)
print filter([1, 2, 3, 4], fn (x) => x % 2 == 0), filter(["a", "", "b"], fn (s) => len(s) > 0)
