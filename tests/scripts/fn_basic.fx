# fn with '= expr' and with a block; functions may be called before the
# line that defines them; a block without return gives none.
print area(3, 4)
fn area(w, h) = w * h
fn f(x) = x^2 - 4*x + 3
fn classify(x) {
    if x < 0 {
        return "negative"
    } else if x == 0 {
        return "zero"
    }
    return "positive"
}
fn early(xs) {
    for x in xs {
        if x > 2 { return x }
    }
    return
}
fn nothing() {
    let unused = 1
}
print f(0), f(2), f(1)
print classify(-5), classify(0), classify(7)
print early([1, 5, 9]), early([1]), nothing()
