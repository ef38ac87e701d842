# A file that imports itself is the shortest cycle.
import "err_import_self.fx"
