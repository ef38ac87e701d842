# lib/uses_helpers.fx imports "helpers.fx": found next to it, in lib/.
import "lib/uses_helpers.fx" as u
print u.used, sort(keys(u))
