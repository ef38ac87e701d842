# Every way to write a number.
print 3, 0.001, .5, 1e-3, 2.5E+4, 1E3, 1_000_000, 1.5e1_0
print 007, 1., 0.0, 1_0.2_5
