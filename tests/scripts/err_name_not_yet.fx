# A function may use a top-level name defined further down, but it must
# exist by the time the function runs.
fn f() = later * 2
print f()
let later = 5
