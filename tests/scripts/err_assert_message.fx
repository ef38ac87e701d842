let acc = 0.42
assert acc > 0.05, "accuracy collapsed"
print "first passed"
assert acc > 0.9, format("val accuracy {:.2f} is below {}", acc, 0.9)
print "not reached"
