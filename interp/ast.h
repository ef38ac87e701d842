/* The abstract syntax tree of fx: node kinds, the node struct and the arena
 * every node of one parse lives in. The parser (grammar/parser.y) builds it;
 * the resolver and the evaluator read it. Freeing a parse is one call,
 * fx_arena_free. Knows nothing of values or of the runtime. */
#ifndef FX_AST_H
#define FX_AST_H

#include <stddef.h>
#include <stdint.h>

/* ---- arena ------------------------------------------------------------ */

typedef struct FxArenaBlock FxArenaBlock;
typedef struct FxArena {
    FxArenaBlock *head;
} FxArena;

void *fx_arena_alloc(FxArena *a, size_t size);   /* zeroed, aborts never: NULL on OOM */
char *fx_arena_strndup(FxArena *a, const char *s, size_t n);
void  fx_arena_free(FxArena *a);

/* ---- source files and locations -------------------------------------- */

/* One source text (a file, -e code, stdin or one REPL entry). Locations are
 * byte offsets into `text`; line and column are computed only when a
 * diagnostic is printed. */
typedef struct FxSource {
    char  *name;      /* "examples/x.fx", "<stdin>", "<-e>", "<repl:3>"; owned */
    char  *text;      /* NUL-terminated copy of the source; owned */
    size_t len;
} FxSource;

typedef struct FxSpan {
    uint32_t off;     /* byte offset of the first character */
    uint32_t len;     /* bytes covered (at least 1 when printed) */
} FxSpan;

/* ---- nodes ------------------------------------------------------------ */

typedef enum FxNodeKind {
    /* expressions */
    FX_N_NUM,        /* num */
    FX_N_STR,        /* str (escapes decoded), str_len */
    FX_N_BOOL,       /* boolean */
    FX_N_NONE,
    FX_N_NAME,       /* name */
    FX_N_LIST,       /* items: elements */
    FX_N_RECORD,     /* items: FX_N_FIELD_INIT nodes */
    FX_N_FIELD_INIT, /* name: a (value) -- one `name: value` of a record literal */
    FX_N_UNARY,      /* op (FX_OP_NEG, FX_OP_NOT), a */
    FX_N_BINARY,     /* op, a, b (arithmetic and comparison) */
    FX_N_AND,        /* a, b (short-circuit) */
    FX_N_OR,         /* a, b (short-circuit) */
    FX_N_CALL,       /* a (callee), items: positional args then FX_N_KWARG */
    FX_N_KWARG,      /* name, a (value) -- `name: value` in a call */
    FX_N_INDEX,      /* a (object), b (index) */
    FX_N_SLICE,      /* a (object), b (start or NULL), c (stop or NULL) */
    FX_N_FIELD,      /* a (object), name */
    FX_N_LAMBDA,     /* params: FX_N_PARAM, body: expr or FX_N_BLOCK */
    FX_N_PARAM,      /* name, a (default value or NULL) */

    /* statements */
    FX_N_BLOCK,      /* items: statements */
    FX_N_EXPR_STMT,  /* a */
    FX_N_LET,        /* name, a (value) */
    FX_N_ASSIGN,     /* a (target: NAME, INDEX or FIELD), b (value) */
    FX_N_FN,         /* name, params, body: expr (for `= expr`) or FX_N_BLOCK */
    FX_N_RETURN,     /* a (value or NULL) */
    FX_N_IF,         /* a (cond), b (then: BLOCK), c (else: BLOCK, IF or NULL) */
    FX_N_FOR,        /* name (loop variable), a (iterable), b (body BLOCK) */
    FX_N_WHILE,      /* a (cond), b (body BLOCK) */
    FX_N_BREAK,
    FX_N_CONTINUE,
    FX_N_PRINT,      /* items: values to print, separated by one space */
    FX_N_ASSERT,     /* a (cond), b (message or NULL) */
    FX_N_IMPORT,     /* str (path as written), name (`as NAME` or NULL) */

    /* statements the libraries run (fx.h's FxStatementDef, registered by
     * stdlib/exp/experiment.c and stdlib/plot/statements.c) follow */
    FX_N_KIND_CORE,
    FX_N_SEED,       /* a (the seed) */
    FX_N_MODEL,      /* name, items: FX_N_LAYER, b: options (FX_N_CALL args) or NULL */
    FX_N_LAYER,      /* name (layer kind or a model's name), items: arguments */
    FX_N_OPTIMIZER,  /* name, a (value) */
    FX_N_SUMMARY,    /* items: arguments (the model, input:) */
    FX_N_PLOT,       /* items: arguments, b: title or NULL */
    FX_N_BARS,       /* items: arguments, b: title or NULL */
    FX_N_TABLE,      /* items: arguments */
    FX_N_SAVE,       /* a (what), b (file), items: keyword arguments */
    FX_N_TRAIN,      /* a (model), b (data), items: keyword arguments */
    FX_N_EVALUATE,   /* a (model or run), b (data), items: keyword arguments */
    FX_N_PREDICT,    /* a (model or run), b (data), items: keyword arguments */
    FX_N_MINIMIZE,   /* a (function), b (start), items: keyword arguments */
    FX_N_SWEEP,      /* items: FX_N_SWEEP_VAR, body: block */
    FX_N_SWEEP_VAR,  /* name, a (the values) */

    FX_N_KIND_COUNT
} FxNodeKind;

typedef enum FxOp {
    FX_OP_NONE,
    FX_OP_ADD, FX_OP_SUB, FX_OP_MUL, FX_OP_DIV, FX_OP_MOD, FX_OP_POW,
    FX_OP_EQ, FX_OP_NE, FX_OP_LT, FX_OP_LE, FX_OP_GT, FX_OP_GE,
    FX_OP_NEG, FX_OP_NOT
} FxOp;

typedef struct FxNode FxNode;

/* A growable array of nodes, storage from the arena. */
typedef struct FxNodeList {
    FxNode **items;
    int      count;
    int      cap;
} FxNodeList;

struct FxNode {
    FxNodeKind kind;
    FxSpan     span;      /* the whole construct; for errors */
    FxSpan     name_span; /* where `name` was written, when there is one */
    FxOp       op;
    double     num;
    int        boolean;
    const char *str;      /* FX_N_STR, FX_N_IMPORT: decoded text, NUL-terminated */
    size_t      str_len;
    const char *name;     /* identifiers: NUL-terminated, in the arena */
    FxNode     *a, *b, *c;
    FxNodeList  items;    /* elements, arguments, statements, fields */
    FxNodeList  params;   /* FX_N_FN, FX_N_LAMBDA */
    FxNode     *body;     /* FX_N_FN, FX_N_LAMBDA */
    void       *cache;    /* set by the resolver: FX_N_IMPORT's module */
};

FxNode *fx_node_new(FxArena *a, FxNodeKind kind, FxSpan span);
/* Appends; returns 0 on success, -1 when out of memory. */
int     fx_list_push(FxArena *a, FxNodeList *l, FxNode *n);
/* The smallest span covering both. */
FxSpan  fx_span_join(FxSpan x, FxSpan y);
const char *fx_node_kind_name(FxNodeKind k);

/* ---- parsing ---------------------------------------------------------- */

typedef enum FxParseStatus {
    FX_PARSE_OK,
    FX_PARSE_ERROR,       /* a diagnostic was reported */
    FX_PARSE_INCOMPLETE   /* the text ended inside a construct (REPL: read more) */
} FxParseStatus;

struct FxDiag;

/* A parse of one source. `root` is a FX_N_BLOCK of top-level statements.
 * All nodes live in `arena`; fx_parse_free releases them in one call. */
typedef struct FxParse {
    FxArena        arena;
    const FxSource *src;
    FxNode         *root;
    FxParseStatus   status;
} FxParse;

/* Lexes and parses `src`. Errors go to `diag` (one diagnostic: the first
 * error). When `incomplete_ok` is set and the only error is that input
 * ended too early, nothing is reported and status is FX_PARSE_INCOMPLETE. */
void fx_parse(FxParse *p, const FxSource *src, struct FxDiag *diag,
              int incomplete_ok);
/* The same with flags: FX_PARSE_INCOMPLETE_OK as above, FX_PARSE_QUIET to
 * report nothing (the status still says whether it failed). */
enum { FX_PARSE_INCOMPLETE_OK = 1, FX_PARSE_QUIET = 2 };
void fx_parse_ex(FxParse *p, const FxSource *src, struct FxDiag *diag, int flags);
void fx_parse_free(FxParse *p);

#endif
