# Numbers print with the fewest digits that read back as the same double.
print 0.001, 1e-05, 0.0001, 1e-7
print 1_000, 1_000_000, 3.0, 42, -7
print 0.1 + 0.2, 1 / 3, 2 / 3, 0.5
print 12345.678, 2^53, 1e15, 1e16, 1e21
print nan, inf, -inf, -0, 0 * -1
print 100 * 1.1, 3 * 0.1, 1e-300 / 1e10
