/* Placeholder lexer proving the re2c pipeline; replaced by the real one. */
#include "parser.h"
int fx_lex_placeholder(const char *s);
int fx_lex_placeholder(const char *s)
{
    const char *YYCURSOR = s, *YYMARKER;
    (void)YYMARKER;
    /*!re2c
        re2c:yyfill:enable = 0;
        re2c:define:YYCTYPE = char;
        [a-z]+ { return FX_T_IDENT; }
        *      { return 0; }
    */
}
