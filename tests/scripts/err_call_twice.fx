fn f(lr, steps = 10) = lr * steps
print f(0.1, lr: 0.2)
