print "hello from fx"
