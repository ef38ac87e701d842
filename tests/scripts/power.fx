# ^ and ** are the same operator: right-associative, tighter than unary minus.
print 2^10, 2**10, 2^3^2, 2**3**2, (2^3)^2
print -2^2, -2**2, (-2)^2, 2^-1, -2^-2
print 2 * 3^2, 2^0.5, 4^0.5, 0^0, 10^-3
let x = 3
print -x^2, (-x)^2, x^2 - 4*x + 3
