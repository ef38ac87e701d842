print 1__000
