let done = false
if !done { print "go" }
