let big = 1e308
print big * 10
