# Each round of a for loop has its own variable, so closures made in
# different rounds see different values; a while body is a fresh scope too.
let fs = []
for i in range(3) {
    push(fs, fn () => i * 10)
}
print fs[0](), fs[1](), fs[2]()
let gs = []
let k = 0
while k < 3 {
    let j = k
    push(gs, fn () => j)
    k += 1
}
print map(gs, fn (g) => g())
let hs = []
for name in ["a", "b"] {
    let msg = "hi " + name
    push(hs, fn () => msg)
}
print hs[0](), hs[1]()
