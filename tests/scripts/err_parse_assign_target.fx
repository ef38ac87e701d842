let f = fn () => 1
f() = 2
