# The sides of a failed comparison are evaluated once, not again to show
# them: f prints once.
fn f() {
    print "f runs"
    return 1
}
assert f() == 2, "f is not 2"
