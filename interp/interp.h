/* The interpreter's state and its public face: run a file, a piece of text
 * (-e, stdin, a REPL entry) or only check it; report errors. Also the
 * calling convention of built-in functions and the error helpers every
 * part of the evaluator and the standard library uses. The runtime is
 * reached only through stdlib/, never from here. */
#ifndef FX_INTERP_H
#define FX_INTERP_H

#include <signal.h>
#include <stdio.h>
#include "ast.h"
#include "diag.h"
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
} FxError;

/* ---- modules ------------------------------------------------------------ */

typedef struct FxModule {
    char        *path;         /* real path, for cycles and caching; NULL
                                  for text (-e, stdin, REPL entries) */
    FxSource     src;
    FxParse      parse;
    const char **names;        /* top-level names, interned */
    int          nnames;
    FxEnv       *env;          /* its globals once it has run */
    int          state;        /* 0 parsed, 1 resolving, 2 resolved, 3 running, 4 done */
} FxModule;

/* ---- options and state --------------------------------------------------- */

typedef struct FxOptions {
    int         quiet;        /* --quiet: results only, no progress */
    int         color;        /* colours in diagnostics and charts */
    int         unicode;      /* charts may use Unicode */
    int         width;        /* terminal width (80 when not a terminal) */
    int         tty;          /* stdout is a terminal */
    const char *out_dir;      /* --out DIR, or NULL */
    int         threads;      /* 0: the machine's cores */
    char      **args;         /* the script's arguments */
    int         nargs;
} FxOptions;

struct FxStd;                  /* the standard library's state (stdlib/) */

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
    FxModule      **mods;      /* every file and text loaded; they live as
                                  long as the interpreter (functions point
                                  into their trees) */
    int             nmods, capmods;
    int             ntexts;    /* texts run so far, for "<repl:N>" names */
    volatile sig_atomic_t *interrupted;  /* set by Ctrl-C; may be NULL */
    int             interrupt_seen;      /* a Ctrl-C stopped something */
    int             interrupt_pending;   /* a Ctrl-C stopped training, which kept
                                            its run: stop after this statement */
    FxSpan          field_at;            /* where the field being read is written,
                                            for foreign types' field hooks */
    struct FxStd   *std;
} FxInterp;

FxInterp *fx_interp_new(const FxOptions *opt, FILE *out, FILE *err);
void      fx_interp_free(FxInterp *I);

enum { FX_RUN_OK = 0, FX_RUN_ERROR = 1, FX_RUN_INCOMPLETE = 3 };
enum { FX_RUN_ECHO = 1, FX_RUN_INCOMPLETE_OK = 2, FX_RUN_CHECK_ONLY = 4 };

/* Runs a script file: 0 ok, 1 an error in the script (reported), 2 the file
 * cannot be read (reported). */
int fx_run_file(FxInterp *I, const char *path, int flags);
/* Runs text named `name` ("<-e>", "<stdin>", "<repl:3>") in the persistent
 * globals; FX_RUN_OK, FX_RUN_ERROR (reported) or FX_RUN_INCOMPLETE. */
int fx_run_text(FxInterp *I, const char *name, const char *text, size_t len, int flags);
/* Prints the pending runtime error, if any, and clears it. */
void fx_report(FxInterp *I);

/* ---- raising errors (all return -1 so callers can `return fx_error...`) */

int fx_error(FxInterp *I, FxSpan span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int fx_error_at(FxInterp *I, const FxNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds a hint line to the error just raised. */
void fx_error_hint(FxInterp *I, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void fx_error_clear(FxInterp *I);

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

/* ---- evaluation (eval.c, resolve.c, module.c) ----------------------------- */

enum { FX_EXEC_OK = 0, FX_EXEC_ERR = -1, FX_EXEC_RETURN = 1, FX_EXEC_BREAK = 2,
       FX_EXEC_CONTINUE = 3 };

int fx_eval(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_exec_block(FxInterp *I, const FxNode *block, FxEnv *env);
int fx_exec(FxInterp *I, const FxNode *stmt, FxEnv *env);
/* Static checks: unknown names (with suggestions), misplaced return, break
 * or continue, assignment to undeclared names, bad keyword arguments of
 * builtins. `existing` holds globals already defined (-e, REPL); with
 * `lenient` (the REPL) a function body may use names defined later.
 * Returns the number of errors reported. */
int fx_resolve(FxInterp *I, FxModule *m, FxEnv *existing, int lenient);
FxModule *fx_module_load(FxInterp *I, const char *path, const FxSource *from,
                         FxSpan at, int *status);
int fx_module_run(FxInterp *I, FxModule *m);
int fx_exec_import(FxInterp *I, const FxNode *n, FxEnv *env);

/* Names the resolver accepts without a declaration (the builtins). */
int fx_is_builtin_name(FxInterp *I, const char *interned);

#endif
