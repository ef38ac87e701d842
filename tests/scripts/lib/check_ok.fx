print "ok one"
