# Functions are values and print as what they are.
fn square(x) = x^2
let f = fn (x) => x + 1
print square, f, len
print [f, fn () { return 1 }]
print type(square), type(f), type(len)
