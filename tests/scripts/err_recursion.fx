fn forever(n) = forever(n + 1)
print forever(0)
