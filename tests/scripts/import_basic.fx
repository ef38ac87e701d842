# A plain import brings a file's top-level names; the file runs once even
# when imported twice; 'as' binds them as fields of one record.
import "lib/helpers.fx"
import "lib/helpers.fx" as h
print scale, twice(4)
print h.scale, h.twice(h.scale), type(h)
