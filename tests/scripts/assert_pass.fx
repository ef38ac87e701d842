# Passing asserts print nothing.
assert 1 + 1 == 2
assert len([1, 2]) == 2, "length"
let acc = 0.93
assert acc > 0.9, format("accuracy {} too low", acc)
print "all passed"
