print 10^400
