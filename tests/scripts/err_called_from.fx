fn normalize(xs) {
    let total = sum(xs)
    return map(xs, fn (x) => x / total)
}
fn report(xs) = normalize(xs)
print report([1, 3])
print report([0, 0])
