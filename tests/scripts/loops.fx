# for over lists, strings (one character at a time) and records (field
# names); while; break and continue affect the innermost loop.
for x in [1, "two", [3]] { print x }
for ch in "h\u{e9}!" { print ch }
for key in {lr: 0.1, batch: 8} { print key }
for i in range(2, 8, 2) { print i }
for none_at_all in [] { print "never" }
let i = 0
while i < 10 {
    i += 1
    if i % 2 == 0 { continue }
    if i > 7 { break }
    print "odd", i
}
for a in [1, 2, 3] {
    for b in [10, 20, 30] {
        if b == 30 { break }
        if a == 2 { continue }
        print a * b
    }
}
let n = 0
while true {
    n += 1
    if n == 5 { break }
}
print "n", n
