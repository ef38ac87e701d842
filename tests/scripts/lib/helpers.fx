# Imported by import_*.fx tests: two names and a line that shows it ran.
let scale = 10
fn twice(x) = 2 * x
print "helpers loaded"
