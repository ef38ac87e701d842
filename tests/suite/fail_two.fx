# Fails twice: two checks fail, one passes; fx test shows both failures.
let xs = [1, 2, 3]
assert sum(xs) == 7
assert len(xs) == 3, "three items"
assert max(xs) < 3, "all below three"
