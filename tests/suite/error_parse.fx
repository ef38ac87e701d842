# Errs: a syntax error, found before anything runs.
let x = [1, 2
assert x == x
