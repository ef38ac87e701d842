# Lists: literals, nesting, joining, repeating, equality, mutation in place.
let xs = [1, 2, 3]
print xs, [], [[]], [1, [2, [3, []]]]
print xs + [4], [0] * 3, [1, 2] * 2, [] * 5
print [1, "two", none, true, [2.5]]
print [1, [2]] == [1, [2]], [1, 2] == [2, 1], [1] != [1, 2], [] == []
let ys = xs
push(ys, 4)
print xs, len(xs)
let zs = xs + []
push(zs, 5)
print xs, zs
print [1, 2, 3,]
