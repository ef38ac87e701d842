# if / else if / else; 'else' may start the line after the closing brace.
fn grade(x) {
    if x >= 90 {
        return "A"
    } else if x >= 80 {
        return "B"
    } else {
        return "C"
    }
}
print grade(95), grade(85), grade(10)
let loss = 0.05
if loss < 0.1 { print "good" } else { print "keep going" }
if loss > 1 {
    print "diverged"
}
else if loss > 0.5 {
    print "slow"
}
else {
    print "fine"
}
if true {
    print "then"
}
# a comment between the brace and else

else {
    print "never"
}
if false { print "no" }
print "after"
