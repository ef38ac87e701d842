/* Placeholder grammar proving the Lemon pipeline; replaced by the real one. */
%name fx_parser
%token_prefix FX_T_
%token_type { int }
%token IDENT.
program ::= .
program ::= IDENT.
