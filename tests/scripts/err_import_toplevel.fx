print "before"
import "lib/top_error.fx"
print "after"
