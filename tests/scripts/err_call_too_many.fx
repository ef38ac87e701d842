fn f(a, b = 1) = a + b
print f(1, 2, 3)
