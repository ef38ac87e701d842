# print: values separated by one space, strings bare at the top level but
# quoted inside lists and records; print alone prints an empty line.
print "a", 1, true, none
print
print "x" + "y", ["x", "y"], {s: "x"}, [{t: ["u"]}]
print "", "|"
let xs = range(2000)
print xs
print len(str(range(1001))) < 100
