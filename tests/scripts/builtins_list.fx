# Builtins on lists of numbers: len, range, linspace, logspace, min, max,
# sum, mean, std, argmin, argmax, diff.
print len([1, 2, 3]), len(""), len("abc"), len({a: 1, b: 2}), len([])
print range(5), range(2, 5), range(0, 10, 3), range(5, 0, -2), range(0), range(3, 1)
print range(0.5, 3), range(0, 1, 0.25)
print linspace(0, 1, 5), linspace(-1, 1, 3), linspace(3, 3, 1), len(linspace(0, 1))
print logspace(0, 3, 4), logspace(-3, -1, 3), len(logspace(0, 1))
print min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max([4, 2, 8]), min(5), max(-1, -2)
print max([1, nan, 3]), min([2, 1])
print sum([1, 2, 3.5]), sum([]), mean([1, 2, 3, 4]), std([2, 4, 4, 4, 5, 5, 7, 9]), std([5])
print argmin([3, 1, 2, 1]), argmax([3, 9, 9]), argmax([1])
print diff([1, 4, 9, 16]), diff([5]), diff([])
