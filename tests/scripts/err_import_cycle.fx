import "lib/cycle_a.fx"
print a
