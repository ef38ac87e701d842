import "lib/syntax_error.fx"
