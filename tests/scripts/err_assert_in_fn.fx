fn check(x) {
    assert x >= 0, "negative input"
    return sqrt(x)
}
print check(4)
print check(-1)
