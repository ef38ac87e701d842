print 1)
