print "C:\path"
