# Comparisons: numbers, strings byte by byte; == and != on any two values.
print 1 < 2, 2 <= 2, 3 > 4, 3 >= 3, 1 == 1.0, 1 != 2
print "a" < "b", "B" < "a", "abc" <= "abc", "abc" > "ab", "" < "a"
print 1 == "1", [1, 2] == [1, 2], {a: [1]} == {a: [1]}, none == 0, true == 1
print len == len, len == sum
let f = fn (x) => x
let g = f
print f == g, f == fn (x) => x
print not 1 == 2, not (1 < 2)
