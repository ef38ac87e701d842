# Every generated set has its own stream: two calls differ, and a seed:
# keyword gives the same numbers wherever the call stands.
let a = random_data(3, 2)
let b = random_data(3, 2)
assert a.x != b.x
assert random_data(3, 2, seed: 11).x == random_data(3, 2, seed: 11).x
assert moons(20, seed: 3).x == moons(20, seed: 3).x
assert split(a, 1, seed: 5).test.x == split(a, 1, seed: 5).test.x
print a.x
print b.x
print random_data(3, 2, seed: 11).x
