# str, num, type, keys, record, join, split.
print str(1.5), str([1, "a"]), str("x"), str(none), str(true), str({a: "b"}), len(str(0.1))
print num("3.25"), num(" 42 "), num("1e-3"), num("-7"), num(true), num(false), num(12)
print type(1), type("a"), type(true), type(none), type([]), type({}), type(len), type(fn () => 1)
print keys({b: 1, a: 2}), keys({})
print record(lr: 0.1, batch: 64), record(), record(lr: 0.1).lr
print join(["a", "b", "c"], ", "), join([1, 2.5, "x", [1]], "-"), join(["a", "b"]), join([], ",") == ""
print split("a b  c\td\n"), split("a,b,,c", ","), split("", ","), split("")
print split("abc", "b"), split("a--b--", "--"), split("no sep", ";")
