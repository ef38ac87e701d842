print "ab" * 1.5
