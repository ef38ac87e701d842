/* The interpreter's public face for its libraries, as lua.h and lauxlib.h
 * are Lua's: values (value.h), the syntax tree a library statement reads
 * (ast.h), located errors and hints, argument helpers of builtins, calling
 * fx functions, and registering builtins, statements, layers and state.
 * stdlib/ includes this header and rt.h, nothing else of interp/; interp/
 * never includes or calls stdlib/ (tests/scripts/structure.sh checks both). */
#ifndef FX_H
#define FX_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include "ast.h"
#include "diag.h"
#include "mem.h"
#include "value.h"

#define FX_VERSION "0.1.0"

/* ---- interned strings --------------------------------------------------- */

typedef struct FxIntern {
    char  **slots;
    size_t  n, cap;
} FxIntern;

const char *fx_intern(FxIntern *t, const char *s, size_t len);
const char *fx_intern_cstr(FxIntern *t, const char *s);
void        fx_intern_free(FxIntern *t);

/* ---- errors ------------------------------------------------------------- */

typedef struct FxFrame {
    const FxSource *src;      /* where the call is written */
    FxSpan          span;
} FxFrame;

/* The error being raised: set by fx_error*, carried up by returning -1,
 * printed once at the top (or kept by a sweep for its table). */
typedef struct FxError {
    int             set;
    const FxSource *src;
    FxSpan          span;
    char            msg[1024];
    char            hint[512];
    FxFrame        *frames;   /* call frames, innermost first */
    int             nframes;
    int             check;    /* a failed check (assert), already in the report */
} FxError;

/* ---- options and state --------------------------------------------------- */

typedef struct FxOptions {
    int         quiet;        /* --quiet: results only, no progress */
    int         diagnose;     /* --diagnose: every run's verdicts after it */
    int         color;        /* colours in diagnostics and charts */
    int         unicode;      /* charts may use Unicode */
    int         width;        /* terminal width (80 when not a terminal) */
    int         tty;          /* stdout is a terminal */
    const char *out_dir;      /* --out DIR, or NULL */
    int         fresh;        /* --fresh: discard DIR's stored points first */
    int         shard, shards; /* --shard i/n: run sweep point k when k % n == i
                                 (shards 0: every point) */
    const char *svg_dir;      /* --svg DIR: every chart as SVG there, or NULL */
    const char *script;       /* the script file, "<-e>" or "<stdin>"; NULL: REPL */
    int         threads;      /* 0: the machine's cores */
    int         jobs;         /* --jobs: sweep points at once; 0: cores / threads */
    int         strict;       /* --strict: failed sweep points and diverged runs
                                 make the exit status 1 */
    const char *report;       /* --report FILE: checks as test cases (fx test) */
    int         fail_fast;    /* with report: stop at the first failed check */
    int         update_baselines;  /* --update-baselines: rewrite, do not compare */
    int64_t     max_memory;   /* the memory budget in bytes (--max-memory,
                                 FX_MAX_MEMORY); 0: fx_budget_default() */
    char      **args;         /* the script's arguments */
    int         nargs;
    /* Opens the libraries into a new interpreter (fx_stdlib_open for the
     * fx program; NULL: the language core alone). */
    void      (*open_libs)(struct FxInterp *I);
} FxOptions;

struct FxModule;
typedef struct FxStatementDef FxStatementDef;

/* Statements past FX_N_KIND_CORE, which libraries implement. */
enum { FX_N_LIBRARY_KINDS = FX_N_KIND_COUNT - FX_N_KIND_CORE - 1 };

typedef struct FxInterp {
    FxHeap          heap;
    FxIntern        intern;
    FxEnv          *builtins;  /* parent of every module's globals */
    FxEnv          *globals;   /* the main program's (or REPL's) globals */
    FxDiag          diag;
    FxOptions       opt;
    FILE           *out;       /* where print and charts go */
    const FxSource *src;       /* source of the code running now */
    FxFrame        *frames;
    int             nframes, capframes;
    int             depth;     /* nesting of evaluation, for the limit */
    FxError         err;
    FxValue         ret;       /* the value a `return` carries */
    struct FxModule **mods;      /* every file and text loaded; they live as
                                  long as the interpreter (functions point
                                  into their trees) */
    int             nmods, capmods;
    int             ntexts;    /* texts run so far, for "<repl:N>" names */
    volatile sig_atomic_t *interrupted;  /* set by Ctrl-C; may be NULL */
    int             interrupt_seen;      /* a Ctrl-C stopped something */
    int             interrupt_pending;   /* a Ctrl-C stopped training, which kept
                                            its run: stop after this statement */
    int             soft_failures;       /* failed sweep points and diverged runs,
                                            which do not stop a script (--strict) */
    FILE           *report;              /* --report's file, or NULL */
    double          case_t0;             /* when the last check ended (seconds) */
    int             checks_failed;       /* failed checks the script went past */
    int             skipped;             /* skip() stopped the script */
    int             shard_stopped;       /* --shard: a sweep other shards share
                                            ended the script (exit status 0) */
    int             charts;              /* charts drawn so far, for --svg's names */
    FxSpan          field_at;            /* where the field being read is written,
                                            for foreign types' field hooks */
    /* What the libraries registered (fx_register_*), and their state. */
    const FxStatementDef *statements[FX_N_LIBRARY_KINDS];
    const FxBuiltin *layers;
    int             nlayers;
    void           *lib;
    void          (*lib_free)(void *lib);
} FxInterp;

/* ---- raising errors (all return -1 so callers can `return fx_error...`) */

int fx_error(FxInterp *I, FxSpan span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int fx_error_at(FxInterp *I, const FxNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds a hint line to the error just raised. */
void fx_error_hint(FxInterp *I, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void fx_error_clear(FxInterp *I);

/* ---- checks: asserts as test cases (check.c) ---------------------------------
 * Every check (assert, assert_close) is a test case of `fx test`. Under
 * --report each one is written to the report with its name, location,
 * time and the values it compared; a failed check prints its located
 * error and the script goes on (unless --fail-fast), ending with status 1.
 * Without --report a failed check is an error like any other. Returns 0
 * to go on, -1 (the error raised) to stop. */
int fx_check(FxInterp *I, FxSpan at, int ok, const char *name, const char *detail);
/* skip(reason): stops the script as skipped (exit status 77, as automake's
 * test drivers read it); returns -1. */
int fx_skip(FxInterp *I, FxSpan at, const char *reason);
/* ---- the memory budget (budget.c) ------------------------------------------
 * Every request whose size comes from the script is checked against
 * I->opt.max_memory before anything is allocated. */

#define FX_BUDGET_MIN (INT64_C(64) << 20)
/* A quarter of MemAvailable when fx starts (at least FX_BUDGET_MIN). */
int64_t     fx_budget_default(void);
/* "512M", "1.5G", "100k", "4096": bytes (K, M, G, T are powers of 1024;
 * "KiB", "MB" are read alike); -1 for anything else or a size below 1. */
int         fx_size_parse(const char *s, int64_t *out);
const char *fx_bytes_text(double bytes, char buf[32]);
/* 0 when `bytes`, with what strings and lists hold already, fit the
 * budget; else a located error naming `what`, the requested and the
 * allowed size, with a hint, and -1. */
int         fx_budget_check(FxInterp *I, FxSpan at, double bytes, const char *what);
/* The hint of an error over the budget (for errors raised elsewhere). */
void        fx_budget_hint(FxInterp *I);

/* ---- built-in functions --------------------------------------------------- */

typedef struct FxCall {
    FxInterp       *I;
    const FxNode   *node;     /* the call expression */
    const char     *name;     /* the builtin's name, for messages */
    const FxBuiltin *bi;      /* the builtin being called */
    int             n;        /* argument slots */
    FxValue        *args;     /* per slot; none when not given */
    const FxNode  **at;       /* per slot: where the argument is written */
    unsigned char  *given;    /* per slot: 1 when the caller gave it */
    int             nkw;      /* "**" builtins: keyword arguments as given */
    const char    **kwnames;
    FxValue        *kwvals;
    const FxNode  **kwat;
} FxCall;

typedef int (*FxBuiltinFn)(FxCall *c, FxValue *out);

/* params: "x", "a, b=, step=" (= marks optional), "*" for any number of
 * positional arguments, "**" for any keyword arguments. */
struct FxBuiltin {
    const char *name;
    const char *params;
    FxBuiltinFn fn;
    const char *summary;      /* one line, for :help and the man page */
};

/* Argument helpers: on a wrong type they raise a located error naming the
 * function and the parameter, and return -1. */
int fx_arg_num(FxCall *c, int i, double *out);
int fx_arg_int(FxCall *c, int i, long long *out);
int fx_arg_opt_num(FxCall *c, int i, double dflt, double *out);
int fx_arg_opt_int(FxCall *c, int i, long long dflt, long long *out);
int fx_arg_list(FxCall *c, int i, FxList **out);
int fx_arg_str(FxCall *c, int i, FxStr **out);
int fx_arg_bool(FxCall *c, int i, int dflt, int *out);
const char *fx_param_name(const FxBuiltin *b, int i, char *buf, size_t n);
/* Where argument i is written (the call itself when it was not given). */
FxSpan fx_arg_span(FxCall *c, int i);

/* Registers builtins into the interpreter's builtin environment. */
void fx_define_builtins(FxInterp *I, const FxBuiltin *table, int n);
void fx_define_value(FxInterp *I, const char *name, FxValue v);

/* Calls a function value with positional arguments (borrowed). */
int fx_call_value(FxInterp *I, FxValue fn, const FxValue *args, int nargs,
                  const FxNode *at, FxValue *out);

/* ---- evaluation ------------------------------------------------------------ */

enum { FX_EXEC_OK = 0, FX_EXEC_ERR = -1, FX_EXEC_RETURN = 1, FX_EXEC_BREAK = 2,
       FX_EXEC_CONTINUE = 3 };

int fx_eval(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_exec_block(FxInterp *I, const FxNode *block, FxEnv *env);
int fx_exec(FxInterp *I, const FxNode *stmt, FxEnv *env);
/* The statements of a block in env itself (no scope of their own). */
int fx_exec_stmts(FxInterp *I, const FxNode *block, FxEnv *env);
/* Ctrl-C (or the fuzzer's timer) was pressed: a located "interrupted" error, the
 * flag cleared. Checked by loops and by every call of a function. */
int fx_check_interrupt(FxInterp *I, FxSpan at);
/* The same check at every 65536th round i of a builtin's long loop (row
 * loops of data generators, loaders, split): 0 to go on, or -1 with the
 * located error. */
int fx_poll_interrupt(FxInterp *I, FxSpan at, int64_t i);
/* obj.name, as the language reads it (foreign types' field hooks too). */
int fx_get_field(FxInterp *I, FxSpan at, FxValue obj, const char *name, FxValue *out);
/* v as an index into n items (negative from the end), or a located error
 * naming `what` ("a list"). */
int fx_index_of(FxInterp *I, const FxNode *at, FxValue v, size_t n, const char *what,
                size_t *out);
/* Calls builtin b with the arguments of call node n, evaluated in env. */
int fx_builtin_call_node(FxInterp *I, const FxBuiltin *b, const FxNode *n, FxEnv *env,
                         FxValue *out);
/* The parameter names of a builtin (store holds them); their count. */
int fx_builtin_param_names(const FxBuiltin *b, const char **names, int max, char store[][24]);

/* ---- libraries ------------------------------------------------------------ */

/* A library opens itself into an interpreter with these, as Lua's libraries
 * do through lua.h: builtins and values (above), the statements past
 * FX_N_KIND_CORE that the grammar parses and the library runs, the layers a
 * model block may hold, and its own state. The evaluator, the resolver, the
 * REPL's completion and :help read only what was registered. */

/* One keyword option of a statement: its name, the form of its value
 * ("N", "\"FILE\""), and one line of help (NULL: the statement's help
 * text covers it). A table ends with a NULL name. */
typedef struct FxOptionDef {
    const char *name;
    const char *value;
    const char *help;
} FxOptionDef;

typedef struct FxResolver FxResolver;

/* How a library statement runs. `eval` gives a value (train, sweep ...);
 * `exec` is a statement only (plot, save ...); one of them is set. */
struct FxStatementDef {
    FxNodeKind         kind;      /* FX_N_TRAIN ... */
    const char        *keyword;   /* "train", in messages */
    int              (*eval)(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
    int              (*exec)(FxInterp *I, const FxNode *n, FxEnv *env);
    /* Static checks (names, options) before anything runs. */
    void             (*resolve)(FxResolver *R, FxNode *n);
    int                declares;  /* binds n->name, as model NAME does */
    const FxOptionDef *options;   /* its keyword options, or NULL */
    const char        *options_note;  /* :help's text after the options */
};

/* Registers statements (the table outlives the interpreter's use of it). */
void fx_register_statements(FxInterp *I, const FxStatementDef *defs, int n);
/* The statement registered for a node kind, or NULL. */
const FxStatementDef *fx_statement(const FxInterp *I, int kind);
/* The layers of a model block, as builtins: name, params, summary. */
void fx_register_layers(FxInterp *I, const FxBuiltin *layers, int n);
const FxBuiltin *fx_layers(const FxInterp *I, int *n);
const FxBuiltin *fx_layer(const FxInterp *I, const char *name, size_t len);
/* The libraries' state, freed with lib_free when the interpreter is. */
void  fx_set_library_state(FxInterp *I, void *lib, void (*lib_free)(void *lib));
static inline void *fx_library_state(FxInterp *I) { return I->lib; }

/* ---- static checks of library statements (resolve.c) ------------------------- */

void        fx_resolve_walk(FxResolver *R, FxNode *n);
void        fx_resolve_items(FxResolver *R, FxNode *n);   /* n's items, in order */
void        fx_resolve_declare(FxResolver *R, FxNode *n);
void        fx_resolve_block(FxResolver *R, FxNode *block);
void        fx_resolve_error(FxResolver *R, FxSpan span, const char *msg);
const char *fx_resolve_intern(FxResolver *R, FxNode *n);
void        fx_resolve_use(FxResolver *R, FxNode *n);
void        fx_resolve_push(FxResolver *R);
void        fx_resolve_pop(FxResolver *R);
/* Whether a name is visible here (declared, a global, or a builtin). */
int         fx_resolve_visible(FxResolver *R, const char *interned);
FxInterp   *fx_resolve_interp(FxResolver *R);
void        fx_resolve_hint(FxResolver *R, const char *msg);
/* Checks the keyword arguments of a call or statement against `allowed`:
 * unknown names and duplicates are errors with suggestions naming `what`. */
void        fx_resolve_options(FxResolver *R, FxNode *call, const FxOptionDef *allowed,
                               const char *what);
/* The same against a NULL-terminated list of names. */
void        fx_resolve_names(FxResolver *R, FxNode *call, const char *const *allowed,
                             const char *what);

/* ---- paths (path.c) ---------------------------------------------------------- */

/* A path as code in src means it: relative to src's folder when src is a
 * file; as given when absolute or when src is not a file ("<-e>",
 * "<stdin>", "<repl:N>"). Caller frees. */
char *fx_path_join(const FxSource *src, const char *path);
/* The same for the code running now (I->src). */
char *fx_path_script(FxInterp *I, const char *path);
int   fx_source_is_file(const FxSource *src);
/* path made absolute against the current directory, "." and ".."
 * folded without looking at the disk. Caller frees. */
char *fx_path_absolute(const char *path);
/* Adds the hint "that is /abs/path (the rule)" to the error just raised;
 * cli: the path came from the command line (--out). */
void  fx_error_path_hint(FxInterp *I, const char *resolved, int cli);
/* Makes the missing folders above the file path (mkdir -p of its
 * dirname); 0 or an errno. */
int   fx_path_make_parents(const char *path);

/* ---- the program ----------------------------------------------------------- */

/* fx's command line (fx(1)) with the libraries open_libs opens. */
int fx_main(int argc, char **argv, void (*open_libs)(FxInterp *I));

#endif
