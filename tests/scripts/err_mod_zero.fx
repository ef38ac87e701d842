print 7 % 0
