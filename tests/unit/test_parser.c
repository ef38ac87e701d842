/* Unit tests for the parser (grammar/parser.y through the driver in
 * interp/parse.c): the shape of the AST, written as an S-expression
 * ("(neg (^ 2 2))"), for precedence and associativity, calls with keyword
 * arguments, slices, statements and the newline rules; spans; the first
 * error's message; and the "incomplete input" signal the REPL relies on
 * (FX_PARSE_INCOMPLETE_OK). Knows nothing of values or the runtime. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "ast.h"
#include "diag.h"

/* ---- the AST as text ----------------------------------------------------- */

typedef struct Out {
    char   s[4096];
    size_t n;
} Out;

static void put(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (o->n < sizeof o->s)
        o->n += (size_t)vsnprintf(o->s + o->n, sizeof o->s - o->n, fmt, ap);
    va_end(ap);
    if (o->n > sizeof o->s)
        o->n = sizeof o->s;
}

static const char *op_name(FxOp op)
{
    static const char *const names[] = {
        [FX_OP_NONE] = "?", [FX_OP_ADD] = "+", [FX_OP_SUB] = "-", [FX_OP_MUL] = "*",
        [FX_OP_DIV] = "/", [FX_OP_MOD] = "%", [FX_OP_POW] = "^", [FX_OP_EQ] = "==",
        [FX_OP_NE] = "!=", [FX_OP_LT] = "<", [FX_OP_LE] = "<=", [FX_OP_GT] = ">",
        [FX_OP_GE] = ">=", [FX_OP_NEG] = "neg", [FX_OP_NOT] = "not",
    };
    return names[op];
}

static void show(Out *o, const FxNode *n);

static void show_items(Out *o, const FxNodeList *l)
{
    for (int i = 0; i < l->count; i++) {
        put(o, " ");
        show(o, l->items[i]);
    }
}

static void show_params(Out *o, const FxNodeList *l)
{
    put(o, "(");
    for (int i = 0; i < l->count; i++) {
        const FxNode *p = l->items[i];
        put(o, "%s%s", i ? " " : "", p->name);
        if (p->a) {
            put(o, "=");
            show(o, p->a);
        }
    }
    put(o, ")");
}

static void show_opt(Out *o, const FxNode *n)
{
    if (n)
        show(o, n);
    else
        put(o, "_");
}

/* One node: expressions in prefix form, statements as (kind ...). */
static void show(Out *o, const FxNode *n)
{
    switch (n->kind) {
    case FX_N_NUM: put(o, "%g", n->num); break;
    case FX_N_STR: put(o, "\"%s\"", n->str); break;
    case FX_N_BOOL: put(o, n->boolean ? "true" : "false"); break;
    case FX_N_NONE: put(o, "none"); break;
    case FX_N_NAME: put(o, "%s", n->name); break;
    case FX_N_LIST: put(o, "[list"); show_items(o, &n->items); put(o, "]"); break;
    case FX_N_RECORD: put(o, "{rec"); show_items(o, &n->items); put(o, "}"); break;
    case FX_N_FIELD_INIT: put(o, "%s:", n->name); show(o, n->a); break;
    case FX_N_UNARY: put(o, "(%s ", op_name(n->op)); show(o, n->a); put(o, ")"); break;
    case FX_N_BINARY:
        put(o, "(%s ", op_name(n->op));
        show(o, n->a);
        put(o, " ");
        show(o, n->b);
        put(o, ")");
        break;
    case FX_N_AND: case FX_N_OR:
        put(o, "(%s ", n->kind == FX_N_AND ? "and" : "or");
        show(o, n->a);
        put(o, " ");
        show(o, n->b);
        put(o, ")");
        break;
    case FX_N_CALL: put(o, "(call "); show(o, n->a); show_items(o, &n->items); put(o, ")"); break;
    case FX_N_KWARG: put(o, "%s:", n->name); show(o, n->a); break;
    case FX_N_INDEX: put(o, "(index "); show(o, n->a); put(o, " "); show(o, n->b); put(o, ")"); break;
    case FX_N_SLICE:
        put(o, "(slice ");
        show(o, n->a);
        put(o, " ");
        show_opt(o, n->b);
        put(o, " ");
        show_opt(o, n->c);
        put(o, ")");
        break;
    case FX_N_FIELD: put(o, "(. "); show(o, n->a); put(o, " %s)", n->name); break;
    case FX_N_LAMBDA:
        put(o, "(lambda ");
        show_params(o, &n->params);
        put(o, " ");
        show(o, n->body);
        put(o, ")");
        break;
    case FX_N_BLOCK: put(o, "{"); show_items(o, &n->items); put(o, " }"); break;
    case FX_N_EXPR_STMT: show(o, n->a); break;
    case FX_N_LET: put(o, "(let %s ", n->name); show(o, n->a); put(o, ")"); break;
    case FX_N_ASSIGN:
        put(o, "(%s%s ", n->op == FX_OP_NONE ? "" : op_name(n->op), "=");
        show(o, n->a);
        put(o, " ");
        show(o, n->b);
        put(o, ")");
        break;
    case FX_N_FN:
        put(o, "(fn %s ", n->name);
        show_params(o, &n->params);
        put(o, " ");
        show(o, n->body);
        put(o, ")");
        break;
    case FX_N_RETURN: put(o, "(return"); if (n->a) { put(o, " "); show(o, n->a); } put(o, ")"); break;
    case FX_N_IF:
        put(o, "(if ");
        show(o, n->a);
        put(o, " ");
        show(o, n->b);
        if (n->c) {
            put(o, " else ");
            show(o, n->c);
        }
        put(o, ")");
        break;
    case FX_N_FOR:
        put(o, "(for %s ", n->name);
        show(o, n->a);
        put(o, " ");
        show(o, n->b);
        put(o, ")");
        break;
    case FX_N_WHILE: put(o, "(while "); show(o, n->a); put(o, " "); show(o, n->b); put(o, ")"); break;
    case FX_N_BREAK: put(o, "(break)"); break;
    case FX_N_CONTINUE: put(o, "(continue)"); break;
    case FX_N_PRINT: put(o, "(print"); show_items(o, &n->items); put(o, ")"); break;
    case FX_N_ASSERT:
        put(o, "(assert ");
        show(o, n->a);
        if (n->b) {
            put(o, " ");
            show(o, n->b);
        }
        put(o, ")");
        break;
    case FX_N_IMPORT: put(o, "(import \"%s\"%s%s)", n->str, n->name ? " as " : "", n->name ? n->name : ""); break;
    default: put(o, "<%s>", fx_node_kind_name(n->kind)); break;
    }
}

/* ---- parsing helpers -------------------------------------------------------- */

typedef struct Result {
    FxParseStatus status;
    char          ast[4096];   /* the statements, separated by " ; " */
    char          diag[2048];  /* what was reported */
    FxSpan        first;       /* span of the first statement */
    FxSpan        first_expr;  /* ... and of its expression, when it is one */
} Result;

static Result parse(const char *text, int flags)
{
    static Result r;
    memset(&r, 0, sizeof r);
    FxSource src = {(char *)"t.fx", (char *)text, strlen(text)};
    char *buf = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&buf, &len);
    FxDiag d;
    fx_diag_init(&d, err, 0);
    FxParse p;
    fx_parse_ex(&p, &src, &d, flags);
    r.status = p.status;
    if (p.status == FX_PARSE_OK) {
        Out o = {{0}, 0};
        for (int i = 0; i < p.root->items.count; i++) {
            if (i)
                put(&o, " ; ");
            show(&o, p.root->items.items[i]);
        }
        snprintf(r.ast, sizeof r.ast, "%s", o.s);
        if (p.root->items.count) {
            const FxNode *s = p.root->items.items[0];
            r.first = s->span;
            if (s->kind == FX_N_EXPR_STMT)
                r.first_expr = s->a->span;
        }
    }
    fx_parse_free(&p);
    fclose(err);
    snprintf(r.diag, sizeof r.diag, "%s", buf ? buf : "");
    free(buf);
    return r;
}

#define AST(c, text, want)                                                           \
    do {                                                                             \
        Result r_ = parse(text, 0);                                                  \
        int ok_ = r_.status == FX_PARSE_OK && strcmp(r_.ast, want) == 0;             \
        CHECK(c, ok_, "parse %-22s -> %s%s%s%s", #text, want, ok_ ? "" : "  GOT ",   \
              ok_ ? "" : r_.ast, ok_ ? "" : r_.diag);                                \
    } while (0)

/* The first line of the diagnostic (after "t.fx:L:C: error: ") must be `msg`
 * and its location `where`. */
#define PARSE_ERROR(c, text, where, msg)                                              \
    do {                                                                              \
        Result r_ = parse(text, 0);                                                   \
        char want_[512];                                                              \
        snprintf(want_, sizeof want_, "t.fx:%s: error: %s\n", where, msg);            \
        int ok_ = r_.status == FX_PARSE_ERROR &&                                      \
                  strncmp(r_.diag, want_, strlen(want_)) == 0;                        \
        CHECK(c, ok_, "error for %-18s: %s: %s%s%s", #text, where, msg,               \
              ok_ ? "" : "  GOT ", ok_ ? "" : r_.diag);                               \
    } while (0)

/* ---- precedence and associativity ---------------------------------------- */

static void test_precedence(Checks *c)
{
    AST(c, "-2^2", "(neg (^ 2 2))");
    AST(c, "-2**2", "(neg (^ 2 2))");
    AST(c, "2^3^2", "(^ 2 (^ 3 2))");
    AST(c, "2**3**2", "(^ 2 (^ 3 2))");
    AST(c, "(2^3)^2", "(^ (^ 2 3) 2)");
    AST(c, "2^-1", "(^ 2 (neg 1))");
    AST(c, "-2*3", "(* (neg 2) 3)");
    AST(c, "2*3^2", "(* 2 (^ 3 2))");
    AST(c, "-x^2*3", "(* (neg (^ x 2)) 3)");
    AST(c, "- -3", "(neg (neg 3))");
    AST(c, "1+2*3", "(+ 1 (* 2 3))");
    AST(c, "(1+2)*3", "(* (+ 1 2) 3)");
    AST(c, "1-2-3", "(- (- 1 2) 3)");
    AST(c, "8/4/2", "(/ (/ 8 4) 2)");
    AST(c, "a*b%c", "(% (* a b) c)");
    AST(c, "a+b%c", "(+ a (% b c))");
    AST(c, "a < b + 1", "(< a (+ b 1))");
    AST(c, "a or b and c", "(or a (and b c))");
    AST(c, "a and b or c", "(or (and a b) c)");
    AST(c, "a or b or c", "(or (or a b) c)");
    AST(c, "not a == b", "(not (== a b))");
    AST(c, "not a and b", "(and (not a) b)");
    AST(c, "not not a", "(not (not a))");
    AST(c, "-f(x)[0]", "(neg (index (call f x) 0))");
    AST(c, "-r.a^2", "(neg (^ (. r a) 2))");
}

/* ---- postfix, literals, calls ---------------------------------------------- */

static void test_postfix(Checks *c)
{
    AST(c, "f()", "(call f)");
    AST(c, "f(1, 2)", "(call f 1 2)");
    AST(c, "f(1, b: 2, c: x)", "(call f 1 b:2 c:x)");
    AST(c, "f(1,)", "(call f 1)");
    AST(c, "f(a)(b)", "(call (call f a) b)");
    AST(c, "f(lr: g(x: 1))", "(call f lr:(call g x:1))");
    AST(c, "xs[-1]", "(index xs (neg 1))");
    AST(c, "xs[1:]", "(slice xs 1 _)");
    AST(c, "xs[:-1]", "(slice xs _ (neg 1))");
    AST(c, "xs[:]", "(slice xs _ _)");
    AST(c, "xs[a+1:b]", "(slice xs (+ a 1) b)");
    AST(c, "m[0][1]", "(index (index m 0) 1)");
    AST(c, "r.a.b", "(. (. r a) b)");
    AST(c, "r.train", "(. r train)");
    AST(c, "f(x).y[2]", "(index (. (call f x) y) 2)");
    AST(c, "[1, \"a\", [], none, true]", "[list 1 \"a\" [list] none true]");
    AST(c, "[1, 2,]", "[list 1 2]");
    AST(c, "{}", "{rec}");
    AST(c, "{a: 1, b: [2]}", "{rec a:1 b:[list 2]}");
    AST(c, "{a: 1,}", "{rec a:1}");
    AST(c, "\"a\\tb\"", "\"a\tb\"");
    AST(c, "'q\\'s'", "\"q's\"");
    AST(c, "1_000", "1000");
}

static void test_functions(Checks *c)
{
    AST(c, "fn (x) => x^2", "(lambda (x) (^ x 2))");
    AST(c, "fn () => 1", "(lambda () 1)");
    AST(c, "fn (x) => fn (y) => x + y", "(lambda (x) (lambda (y) (+ x y)))");
    AST(c, "f(fn (x) => x, 2)", "(call f (lambda (x) x) 2)");
    AST(c, "fn (a, b = 2) { return a }", "(lambda (a b=2) { (return a) })");
    AST(c, "fn f(x) = x + 1", "(fn f (x) (+ x 1))");
    AST(c, "fn f(a, b = a * 2,) = b", "(fn f (a b=(* a 2)) b)");
    AST(c, "fn f() {\n return\n}", "(fn f () { (return) })");
    AST(c, "fn f() {}", "(fn f () { })");
}

/* ---- statements ------------------------------------------------------------ */

static void test_statements(Checks *c)
{
    AST(c, "let x = 1", "(let x 1)");
    AST(c, "x = 1", "(= x 1)");
    AST(c, "x += 1", "(+= x 1)");
    AST(c, "xs[0] -= 2", "(-= (index xs 0) 2)");
    AST(c, "r.a *= 3", "(*= (. r a) 3)");
    AST(c, "r[\"a\"] /= 4", "(/= (index r \"a\") 4)");
    AST(c, "print", "(print)");
    AST(c, "print 1, \"a\", x", "(print 1 \"a\" x)");
    AST(c, "assert x", "(assert x)");
    AST(c, "assert x > 0, \"msg\"", "(assert (> x 0) \"msg\")");
    AST(c, "import \"a.fx\"", "(import \"a.fx\")");
    AST(c, "import \"a.fx\" as a", "(import \"a.fx\" as a)");
    AST(c, "if a { b }", "(if a { b })");
    AST(c, "if a { b } else { c }", "(if a { b } else { c })");
    AST(c, "if a { b } else if c { d } else { e }", "(if a { b } else (if c { d } else { e }))");
    AST(c, "for x in xs { print x }", "(for x xs { (print x) })");
    AST(c, "while x < 3 { x += 1; break; continue }",
        "(while (< x 3) { (+= x 1) (break) (continue) })");
    AST(c, "let train = 1", "(let train 1)");
    AST(c, "", "");
    AST(c, "\n\n", "");
}

/* ---- newline rules -------------------------------------------------------- */

static void test_newlines(Checks *c)
{
    AST(c, "a\nb", "a ; b");
    AST(c, "a;b", "a ; b");
    AST(c, "a; b;", "a ; b");
    AST(c, "f(1,\n2)", "(call f 1 2)");
    AST(c, "f(\n1\n,\n2\n)", "(call f 1 2)");
    AST(c, "[1,\n2,\n]", "[list 1 2]");
    AST(c, "[1\n, 2]", "[list 1 2]");
    AST(c, "(1\n+ 2)", "(+ 1 2)");
    AST(c, "1 +\n2", "(+ 1 2)");
    AST(c, "1\n- 2", "1 ; (neg 2)");
    AST(c, "a and\nb", "(and a b)");
    AST(c, "x =\n1", "(= x 1)");
    AST(c, "x +=\n1", "(+= x 1)");
    AST(c, "r.\na", "(. r a)");
    AST(c, "not\na", "(not a)");
    AST(c, "fn (x) =>\nx", "(lambda (x) x)");
    AST(c, "{a: 1,\nb: 2}", "{rec a:1 b:2}");
    AST(c, "{\na: 1\n}", "{rec a:1}");
    AST(c, "1 \\\n+ 2", "(+ 1 2)");
    AST(c, "x # comment\ny", "x ; y");
    AST(c, "if a {\nb\nc\n}", "(if a { b c })");
    AST(c, "if a {\n} else {\n}", "(if a { } else { })");
    AST(c, "if a {\n}\nelse {\n}", "(if a { } else { })");
    AST(c, "if a { b }\n\n# note\nelse { c }", "(if a { b } else { c })");
    AST(c, "if a { b } else if c {\n}\nelse { d }", "(if a { b } else (if c { } else { d }))");
    AST(c, "f(fn (x) {\nreturn x\n})", "(call f (lambda (x) { (return x) }))");
    AST(c, "[fn () {\n1\n}, 2]", "[list (lambda () { 1 }) 2]");
}

/* ---- spans ----------------------------------------------------------------- */

static void test_spans(Checks *c)
{
    Result r = parse("print  1 + 2", 0);
    CHECK(c, r.first.off == 0 && r.first.len == 12, "span of a print statement covers it all");
    r = parse("  foo(1, b: 2)  ", 0);
    CHECK(c, r.first_expr.off == 2 && r.first_expr.len == 12, "span of a call: callee to ')'");
    r = parse("(1 + 2)", 0);
    CHECK(c, r.first_expr.off == 0 && r.first_expr.len == 7, "span of (expr) includes the parentheses");
    r = parse("-x^2", 0);
    CHECK(c, r.first_expr.off == 0 && r.first_expr.len == 4, "span of a unary minus starts at '-'");
    r = parse("xs[1:2]", 0);
    CHECK(c, r.first_expr.off == 0 && r.first_expr.len == 7, "span of a slice ends at ']'");
    r = parse("a.bc", 0);
    CHECK(c, r.first_expr.off == 0 && r.first_expr.len == 4, "span of a field ends with its name");
}

/* ---- errors ------------------------------------------------------------------ */

static void test_errors(Checks *c)
{
    PARSE_ERROR(c, "let = 3", "1:5", "expected a name, found '='");
    PARSE_ERROR(c, "f(1 2)", "1:5", "expected ')' or ',', found '2'");
    PARSE_ERROR(c, "1 +* 2", "1:4", "expected an expression, found '*'");
    PARSE_ERROR(c, "x = 1 +", "1:8", "expected an expression, found end of input");
    PARSE_ERROR(c, "f(1,", "1:2", "'(' is never closed");
    PARSE_ERROR(c, "if x {", "1:6", "'{' is never closed");
    PARSE_ERROR(c, "[1, 2)", "1:6", "expected ']' to close '[' from line 1, found ')'");
    PARSE_ERROR(c, "x)", "1:2", "unmatched ')': nothing is open here");
    PARSE_ERROR(c, "a < b < c", "1:7", "comparisons do not chain: '<' cannot follow a comparison");
    PARSE_ERROR(c, "a == b == c", "1:8", "comparisons do not chain: '==' cannot follow a comparison");
    PARSE_ERROR(c, "a == b != c", "1:8", "comparisons do not chain: '!=' cannot follow a comparison");
    PARSE_ERROR(c, "x = 1 \\\n", "1:7", "the input ends right after a '\\' line continuation");
    PARSE_ERROR(c, "if x = 1 { }", "1:6", "expected '{', found '='");
    PARSE_ERROR(c, "if x\n{ }", "1:5", "expected '{', found end of line");
    PARSE_ERROR(c, "1 = 2", "1:1", "cannot assign to a number; the left side of '=' must be a name, an element xs[i] or a field r.f");
    PARSE_ERROR(c, "xs[0:1] = 2", "1:1", "cannot assign to a slice; assign to elements one by one or build a new list");
    PARSE_ERROR(c, "fn f(a, a) = 1", "1:9", "parameter 'a' appears twice");
    PARSE_ERROR(c, "fn f(a = 1, b) = 1", "1:13", "parameter 'b' needs a default value: it follows a parameter that has one");
    PARSE_ERROR(c, "print \"\\q\"", "1:8", "unknown escape '\\q' in string; write '\\\\' for a backslash");
    PARSE_ERROR(c, "print 1e999", "1:7", "number '1e999' is too large for a double");
    PARSE_ERROR(c, "import \"\"", "1:8", "import needs a file name");
    PARSE_ERROR(c, "x $", "1:3", "unexpected character");
    PARSE_ERROR(c, "a\nb c", "2:3", "expected end of line, found 'c'");
    PARSE_ERROR(c, "else { }", "1:1", "expected a statement, found 'else'");
    PARSE_ERROR(c, "x\n.a", "2:1", "expected a statement, found '.'");
    PARSE_ERROR(c, "if x {\n, 1\n}", "2:1", "expected a statement or '}', found ','");
    /* Hints that follow the first line. */
    Result r = parse("if x = 1 { }", 0);
    CHECK(c, strstr(r.diag, "hint: to compare, write '=='\n") != NULL, "'=' in a condition hints at '=='");
    r = parse("while x\n{ }", 0);
    CHECK(c, strstr(r.diag, "hint: the '{' of a block goes on the same line\n") != NULL,
          "a block brace on the next line is hinted at");
    r = parse("pritn \"x\"", 0);
    CHECK(c, strstr(r.diag, "hint: 'pritn' is not a keyword; did you mean 'print'?\n") != NULL,
          "a misspelt 'print' is hinted at");
    r = parse("whiel x {", 0);
    CHECK(c, strstr(r.diag, "did you mean 'while'?") != NULL, "a misspelt 'while' is hinted at");
    r = parse("let x = (1 +\n", 0);
    CHECK(c, strstr(r.diag, "hint: expected ')' before the end of the input\n") != NULL,
          "an unclosed bracket says which closer is missing");
    /* Exactly one diagnostic per failed parse. */
    r = parse("let = 1\nlet = 2\n", 0);
    CHECK(c, strstr(r.diag, "t.fx:2") == NULL, "only the first parse error is reported");
    r = parse("let = 1", FX_PARSE_QUIET);
    CHECK(c, r.status == FX_PARSE_ERROR && r.diag[0] == '\0', "FX_PARSE_QUIET reports nothing");
}

/* ---- incomplete input (the REPL's continuation lines) ----------------------- */

#define INCOMPLETE(c, text)                                                          \
    do {                                                                             \
        Result r_ = parse(text, FX_PARSE_INCOMPLETE_OK);                             \
        CHECK(c, r_.status == FX_PARSE_INCOMPLETE && r_.diag[0] == '\0',             \
              "incomplete: %s (status %d)", #text, (int)r_.status);                  \
    } while (0)

#define NOT_INCOMPLETE(c, text, want)                                                \
    do {                                                                             \
        Result r_ = parse(text, FX_PARSE_INCOMPLETE_OK);                             \
        CHECK(c, r_.status == want && (want == FX_PARSE_OK) == (r_.diag[0] == '\0'),  \
              "not incomplete: %s (status %d)", #text, (int)r_.status);              \
    } while (0)

static void test_incomplete(Checks *c)
{
    INCOMPLETE(c, "f(1,");
    INCOMPLETE(c, "x = 1 +");
    INCOMPLETE(c, "if x {");
    INCOMPLETE(c, "if x {\n  print 1\n");
    INCOMPLETE(c, "let xs = [1, 2,\n");
    INCOMPLETE(c, "let x =");
    INCOMPLETE(c, "fn f(x) =");
    INCOMPLETE(c, "fn f(x) {");
    INCOMPLETE(c, "let r = {a: 1,");
    INCOMPLETE(c, "print 1,");
    INCOMPLETE(c, "x = a and");
    INCOMPLETE(c, "x = 1 \\\n");
    INCOMPLETE(c, "x = 1 \\");
    INCOMPLETE(c, "f(1, \\ \n");
    NOT_INCOMPLETE(c, "f(1, 2)", FX_PARSE_OK);
    NOT_INCOMPLETE(c, "if x { }", FX_PARSE_OK);
    NOT_INCOMPLETE(c, "1 +* 2", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "f(1 2", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "x)", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "[1, 2)", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "let = 3", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "print \"abc", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "a < b < c", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "x = 1 +\n$", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "x = 1 # \\\n", FX_PARSE_OK);
    NOT_INCOMPLETE(c, "x = 1 \\ y", FX_PARSE_ERROR);
    /* A newline ends a statement even when the line ends early. */
    NOT_INCOMPLETE(c, "let", FX_PARSE_ERROR);
    NOT_INCOMPLETE(c, "for x in", FX_PARSE_ERROR);
    /* Without the flag, the same texts are ordinary errors. */
    Result r = parse("f(1,", 0);
    CHECK(c, r.status == FX_PARSE_ERROR && r.diag[0] != '\0',
          "without FX_PARSE_INCOMPLETE_OK, 'f(1,' is a reported error");
}

int main(void)
{
    Checks c = {0};
    test_precedence(&c);
    test_postfix(&c);
    test_functions(&c);
    test_statements(&c);
    test_newlines(&c);
    test_spans(&c);
    test_errors(&c);
    test_incomplete(&c);
    return checks_done(&c);
}
