/* Unit tests for the re2c lexer (grammar/lexer.re): the Lemon token code,
 * byte offset and length of every token, keywords against identifiers,
 * operators (`**` is CARET, `;` is NEWLINE), comments, line continuation,
 * and lexical errors with their messages and spans. Each case lexes a
 * text into a line such as "NAME@0+3 NEWLINE@3+1" and compares it. Knows
 * nothing of the parser's grammar, values or the runtime. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "lex.h"
#include "parser.h"

static const char *code_name(int code)
{
    static const struct { int code; const char *name; } names[] = {
        {0, "END"}, {FX_LEX_ERROR, "ERROR"},
        {FX_T_NEWLINE, "NEWLINE"}, {FX_T_NUMBER, "NUMBER"}, {FX_T_STRING, "STRING"},
        {FX_T_NAME, "NAME"}, {FX_T_LPAREN, "("}, {FX_T_RPAREN, ")"}, {FX_T_LBRACKET, "["},
        {FX_T_RBRACKET, "]"}, {FX_T_LBRACE, "{"}, {FX_T_RBRACE, "}"}, {FX_T_COMMA, ","},
        {FX_T_COLON, ":"}, {FX_T_DOT, "."}, {FX_T_PLUSEQ, "+="}, {FX_T_MINUSEQ, "-="},
        {FX_T_STAREQ, "*="}, {FX_T_SLASHEQ, "/="}, {FX_T_LET, "LET"}, {FX_T_FN, "FN"},
        {FX_T_RETURN, "RETURN"}, {FX_T_IF, "IF"}, {FX_T_ELSE, "ELSE"}, {FX_T_FOR, "FOR"},
        {FX_T_IN, "IN"}, {FX_T_WHILE, "WHILE"}, {FX_T_BREAK, "BREAK"},
        {FX_T_CONTINUE, "CONTINUE"}, {FX_T_PRINT, "PRINT"}, {FX_T_ASSERT, "ASSERT"},
        {FX_T_IMPORT, "IMPORT"}, {FX_T_AS, "AS"}, {FX_T_TRUE, "TRUE"}, {FX_T_FALSE, "FALSE"},
        {FX_T_NONE, "NONE"}, {FX_T_MODEL, "MODEL"}, {FX_T_OPTIMIZER, "OPTIMIZER"},
        {FX_T_TRAIN, "TRAIN"}, {FX_T_ON, "ON"}, {FX_T_SWEEP, "SWEEP"}, {FX_T_PLOT, "PLOT"},
        {FX_T_BARS, "BARS"}, {FX_T_TABLE, "TABLE"}, {FX_T_SUMMARY, "SUMMARY"},
        {FX_T_SEED, "SEED"}, {FX_T_MINIMIZE, "MINIMIZE"}, {FX_T_FROM, "FROM"},
        {FX_T_SAVE, "SAVE"}, {FX_T_TO, "TO"}, {FX_T_EVALUATE, "EVALUATE"},
        {FX_T_PREDICT, "PREDICT"}, {FX_T_TITLE, "TITLE"}, {FX_T_ARROW, "=>"},
        {FX_T_OR, "OR"}, {FX_T_AND, "AND"}, {FX_T_NOT, "NOT"}, {FX_T_EQ, "=="},
        {FX_T_NE, "!="}, {FX_T_LT, "<"}, {FX_T_LE, "<="}, {FX_T_GT, ">"}, {FX_T_GE, ">="},
        {FX_T_PLUS, "+"}, {FX_T_MINUS, "-"}, {FX_T_STAR, "*"}, {FX_T_SLASH, "/"},
        {FX_T_PERCENT, "%"}, {FX_T_CARET, "^"}, {FX_T_ASSIGN, "="},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].code == code)
            return names[i].name;
    return "?";
}

/* Lexes `text` (len bytes, NUL after them) up to the end or the first
 * error: "CODE@off+len ..." without the final END; an error adds its
 * message in brackets. */
static const char *lex_n(const char *text, size_t len)
{
    static char out[2048];
    FxLexer lx;
    FxToken t;
    size_t n = 0;
    out[0] = '\0';
    fx_lex_init(&lx, text, len);
    for (int guard = 0; guard < 200; guard++) {
        int code = fx_lex_next(&lx, &t);
        if (code == 0)
            break;
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s@%u+%u", n ? " " : "",
                              code_name(code), t.off, t.len);
        if (code == FX_LEX_ERROR) {
            n += (size_t)snprintf(out + n, sizeof out - n, " [%s]", lx.err);
            break;
        }
        if (n >= sizeof out - 64)
            break;
    }
    return out;
}

static const char *lex(const char *text) { return lex_n(text, strlen(text)); }

#define LEXES(c, text, want)                                                       \
    do {                                                                           \
        const char *got_ = lex(text);                                              \
        CHECK(c, strcmp(got_, want) == 0, "lex %-24s -> %s%s%s", #text, want,     \
              strcmp(got_, want) ? "  GOT " : "", strcmp(got_, want) ? got_ : ""); \
    } while (0)

static void test_numbers(Checks *c)
{
    LEXES(c, "3", "NUMBER@0+1");
    LEXES(c, "0.001", "NUMBER@0+5");
    LEXES(c, "1e-3 2.5E+4", "NUMBER@0+4 NUMBER@5+6");
    LEXES(c, "1_000_000", "NUMBER@0+9");
    LEXES(c, ".5 1. 007", "NUMBER@0+2 NUMBER@3+2 NUMBER@6+3");
    LEXES(c, "-2", "-@0+1 NUMBER@1+1");
    LEXES(c, "xs[1:2]", "NAME@0+2 [@2+1 NUMBER@3+1 :@4+1 NUMBER@5+1 ]@6+1");
    LEXES(c, "1.2.3", "ERROR@0+4 [malformed number]");
    LEXES(c, "12abc", "ERROR@0+3 [malformed number]");
    LEXES(c, "1__0", "ERROR@0+2 [malformed number]");
    LEXES(c, "1e", "ERROR@0+2 [malformed number]");
    LEXES(c, "0x1F", "ERROR@0+2 [malformed number]");
    /* Too large for a double is the parser's error, not a lexical one. */
    LEXES(c, "1e999", "NUMBER@0+5");
}

static void test_strings(Checks *c)
{
    LEXES(c, "\"abc\"", "STRING@0+5");
    LEXES(c, "'abc'", "STRING@0+5");
    LEXES(c, "\"\"", "STRING@0+2");
    LEXES(c, "\"a\\\"b\" x", "STRING@0+6 NAME@7+1");
    LEXES(c, "'it\\'s' \"it's\"", "STRING@0+7 STRING@8+6");
    LEXES(c, "\"\\n\\t\\\\\"", "STRING@0+8");
    LEXES(c, "\"caf\\u{e9}\"", "STRING@0+11");
    LEXES(c, "\"# not a comment\"", "STRING@0+17");
    /* Non-ASCII text is fine inside a string. */
    LEXES(c, "\"\xc3\xa9\"", "STRING@0+4");
    /* Bad escapes are the parser's error (it decodes); the lexer takes any. */
    LEXES(c, "\"\\q\"", "STRING@0+4");
    LEXES(c, "\"abc", "ERROR@0+4 [unterminated string: no closing '\"' on this line]");
    LEXES(c, "'abc", "ERROR@0+4 [unterminated string: no closing \"'\" on this line]");
    LEXES(c, "\"ab\ncd\"", "ERROR@0+3 [unterminated string: no closing '\"' on this line]");
    LEXES(c, "x = 'a\"", "NAME@0+1 =@2+1 ERROR@4+3 [unterminated string: no closing \"'\" on this line]");
}

static void test_words(Checks *c)
{
    LEXES(c, "let letter lets _let", "LET@0+3 NAME@4+6 NAME@11+4 NAME@16+4");
    LEXES(c, "fn fnx print printer", "FN@0+2 NAME@3+3 PRINT@7+5 NAME@13+7");
    LEXES(c, "if else for in while", "IF@0+2 ELSE@3+4 FOR@8+3 IN@12+2 WHILE@15+5");
    LEXES(c, "return break continue", "RETURN@0+6 BREAK@7+5 CONTINUE@13+8");
    LEXES(c, "assert import as", "ASSERT@0+6 IMPORT@7+6 AS@14+2");
    LEXES(c, "and or not", "AND@0+3 OR@4+2 NOT@7+3");
    LEXES(c, "true false none", "TRUE@0+4 FALSE@5+5 NONE@11+4");
    LEXES(c, "True None nan inf", "NAME@0+4 NAME@5+4 NAME@10+3 NAME@14+3");
    LEXES(c, "x1 _ a_b2 B", "NAME@0+2 NAME@3+1 NAME@5+4 NAME@10+1");
    /* The experiment words are tokens of their own (the grammar lets them
     * fall back to names). */
    LEXES(c, "model optimizer train on sweep", "MODEL@0+5 OPTIMIZER@6+9 TRAIN@16+5 ON@22+2 SWEEP@25+5");
    LEXES(c, "plot bars table summary seed", "PLOT@0+4 BARS@5+4 TABLE@10+5 SUMMARY@16+7 SEED@24+4");
    LEXES(c, "minimize from save to", "MINIMIZE@0+8 FROM@9+4 SAVE@14+4 TO@19+2");
    LEXES(c, "evaluate predict title", "EVALUATE@0+8 PREDICT@9+7 TITLE@17+5");
    LEXES(c, "trainer models", "NAME@0+7 NAME@8+6");
}

static void test_operators(Checks *c)
{
    LEXES(c, "+ - * / % ^", "+@0+1 -@2+1 *@4+1 /@6+1 %@8+1 ^@10+1");
    LEXES(c, "2**3", "NUMBER@0+1 ^@1+2 NUMBER@3+1");
    LEXES(c, "a***b", "NAME@0+1 ^@1+2 *@3+1 NAME@4+1");
    LEXES(c, "== != < <= > >=", "==@0+2 !=@3+2 <@6+1 <=@8+2 >@11+1 >=@13+2");
    LEXES(c, "= => += -= *= /=", "=@0+1 =>@2+2 +=@5+2 -=@8+2 *=@11+2 /=@14+2");
    LEXES(c, "x=-1", "NAME@0+1 =@1+1 -@2+1 NUMBER@3+1");
    LEXES(c, "a<=b", "NAME@0+1 <=@1+2 NAME@3+1");
    LEXES(c, "( ) [ ] { } , : .", "(@0+1 )@2+1 [@4+1 ]@6+1 {@8+1 }@10+1 ,@12+1 :@14+1 .@16+1");
    LEXES(c, "r.a.b", "NAME@0+1 .@1+1 NAME@2+1 .@3+1 NAME@4+1");
    LEXES(c, "a;b", "NAME@0+1 NEWLINE@1+1 NAME@2+1");
    LEXES(c, "!x", "ERROR@0+1 ['!' is not an operator; write 'not' for negation]");
    LEXES(c, "a && b", "NAME@0+1 ERROR@2+2 ['&&' is not an operator; write 'and']");
    LEXES(c, "a || b", "NAME@0+1 ERROR@2+2 ['||' is not an operator; write 'or']");
}

static void test_layout(Checks *c)
{
    LEXES(c, "a\nb", "NAME@0+1 NEWLINE@1+1 NAME@2+1");
    LEXES(c, "a\r\nb", "NAME@0+1 NEWLINE@2+1 NAME@3+1");
    LEXES(c, "\n\n", "NEWLINE@0+1 NEWLINE@1+1");
    LEXES(c, "  \t x  ", "NAME@4+1");
    LEXES(c, "", "");
    LEXES(c, "x # a comment\ny", "NAME@0+1 NEWLINE@13+1 NAME@14+1");
    LEXES(c, "# only a comment", "");
    LEXES(c, "# caf\xc3\xa9 in a comment\nx", "NEWLINE@20+1 NAME@21+1");
    LEXES(c, "a \\\n b", "NAME@0+1 NAME@5+1");
    LEXES(c, "a \\  \t\n b", "NAME@0+1 NAME@8+1");
    LEXES(c, "a \\ b", "NAME@0+1 ERROR@2+1 [a backslash outside a string must end the line (line continuation)]");
}

static void test_errors(Checks *c)
{
    LEXES(c, "let x = 3 $ 4", "LET@0+3 NAME@4+1 =@6+1 NUMBER@8+1 ERROR@10+1 [unexpected character]");
    LEXES(c, "@", "ERROR@0+1 [unexpected character]");
    LEXES(c, "`", "ERROR@0+1 [unexpected character]");
    LEXES(c, "\xc3\xa9t\xc3\xa9", "ERROR@0+2 [unexpected non-ASCII text outside a string or comment]");
    LEXES(c, "x \xce\xb1\xce\xb2 y", "NAME@0+1 ERROR@2+4 [unexpected non-ASCII text outside a string or comment]");
    CHECK(c, strcmp(lex_n("a\0b", 3), "NAME@0+1 ERROR@1+1 [unexpected NUL byte]") == 0,
          "lex \"a\\0b\" -> NUL byte error (got %s)", lex_n("a\0b", 3));
}

/* After the end, the lexer keeps saying "end" at the end offset. */
static void test_end(Checks *c)
{
    FxLexer lx;
    FxToken t;
    const char *text = "x ";
    fx_lex_init(&lx, text, 2);
    int a = fx_lex_next(&lx, &t);
    int b = fx_lex_next(&lx, &t);
    uint32_t off_b = t.off;
    int d = fx_lex_next(&lx, &t);
    CHECK(c, a == FX_T_NAME && b == 0 && d == 0 && off_b == 2 && t.off == 2 && t.len == 0,
          "end of input is code 0, repeatedly, at the end offset");
    /* The token points into the source: nothing is copied. */
    fx_lex_init(&lx, text, 2);
    fx_lex_next(&lx, &t);
    CHECK(c, t.p == text, "a token's pointer is into the source text");
}

int main(void)
{
    Checks c = {0};
    test_numbers(&c);
    test_strings(&c);
    test_words(&c);
    test_operators(&c);
    test_layout(&c);
    test_errors(&c);
    test_end(&c);
    return checks_done(&c);
}
