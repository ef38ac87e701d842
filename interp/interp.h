/* The interpreter's inside, for interp/ alone: modules, running a file or a
 * piece of text (-e, stdin, a REPL entry) or only checking it, and the
 * resolver's entry. Libraries see fx.h only. The runtime is reached only
 * through stdlib/, never from here. */
#ifndef FX_INTERP_H
#define FX_INTERP_H

#include "fx.h"

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

/* Static checks: unknown names (with suggestions), misplaced return, break
 * or continue, assignment to undeclared names, bad keyword arguments of
 * builtins; library statements through their registered resolve hooks.
 * `existing` holds globals already defined (-e, REPL); with `lenient` (the
 * REPL) a function body may use names defined later. Returns the number of
 * errors reported. */
int fx_resolve(FxInterp *I, FxModule *m, FxEnv *existing, int lenient);
FxModule *fx_module_load(FxInterp *I, const char *path, const FxSource *from,
                         FxSpan at, int *status);
int fx_module_run(FxInterp *I, FxModule *m);
int fx_exec_import(FxInterp *I, const FxNode *n, FxEnv *env);

/* Runs a library statement through what was registered for its kind
 * (library.c); a located error when nothing was. */
int fx_library_eval(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_library_exec(FxInterp *I, const FxNode *n, FxEnv *env);

/* Names the resolver accepts without a declaration (the builtins). */
int fx_is_builtin_name(FxInterp *I, const char *interned);

#endif
