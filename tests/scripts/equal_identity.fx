# A list or record is equal to itself, even when it contains itself.
let xs = [1]
push(xs, xs)
let r = {name: "r"}
r.self = r
print xs == xs, r == r, xs != xs
let ys = [nan]
print ys == ys, ys == [nan], [1, [2]] == [1, [2]]
