# ';' separates statements on one line; a backslash at the end of a line
# continues it; comments run from '#' to the end of the line.
let a = 1; let b = 2; print a + b
print "one"; print "two";
let c = 3 \
    + 4 \
    * 2
print c   # a comment after a statement
# a comment on its own line
print "# not a comment", '# nor this'   # but this is
if c > 10 { print "big"; print "still big" }
let long = 1 + \
    1
print long
