print "not reached"
import "lib/no_such_file.fx"
