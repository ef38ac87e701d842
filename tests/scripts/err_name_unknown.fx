# Every unknown name is reported before anything runs.
let epochs = 20
print "not reached"
print epocs * 2
print lenn([1])
print zzz
