# Imports its neighbour by a path relative to this file, not to the cwd.
import "helpers.fx"
let used = twice(scale)
