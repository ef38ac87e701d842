# Blocks have their own scope; an inner let shadows, an inner = updates.
let x = 1
if true {
    let x = 2
    print "inner", x
}
print "outer", x
if true {
    x = 3
}
print "updated", x
let total = 0
for i in range(4) {
    let sq = i * i
    total += sq
}
print total
let len = fn (xs) => "shadowed"
print len([1, 2])
fn uses_later() = later * 2
let later = 21
print uses_later()
