# Recursion, mutual recursion, and recursion deep but within the limit.
fn fib(n) {
    if n < 2 { return n }
    return fib(n - 1) + fib(n - 2)
}
fn fact(n) {
    if n <= 1 { return 1 }
    return n * fact(n - 1)
}
fn is_even(n) {
    if n == 0 { return true }
    return is_odd(n - 1)
}
fn is_odd(n) {
    if n == 0 { return false }
    return is_even(n - 1)
}
fn depth(n) {
    if n == 0 { return 0 }
    return 1 + depth(n - 1)
}
print fib(20), fact(10), fact(20)
print is_even(10), is_odd(7), is_even(3)
print depth(900)
