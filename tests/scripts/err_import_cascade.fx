# A failed import is one error: the names it would have brought are not
# reported again as unknown.
import "lib/missing_helpers.fx"
import "lib/missing_too.fx" as m
print twice(scale), m.twice(1)
