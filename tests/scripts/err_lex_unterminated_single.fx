print 'it
