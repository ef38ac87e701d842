let lr = 0.1
print lr(2)
