# Strings: joining, repeating, comparing, indexing and slicing by byte.
let s = "hello"
print s + ", " + "world", "ab" * 3, 2 * "xy", "-" * 0 + "|"
print s[0], s[-1], s[1:3], s[-3:], s[:2], s[10:], s[3:1] == ""
print len(s), len(""), len("caf\u{e9}")
print "apple" < "banana", "abc" < "abd", "Z" < "a", "ab" < "abc", "b" >= "abc", "x" == "x"
let t = "a"
t += "b"
t *= 2
print t
