/* The REPL's parts and what they share: the session state (repl.c), tab
 * completion (repl_complete.c), the colon commands (repl_commands.c) and
 * their help texts (repl_help.c). Only the REPL includes this header; the
 * rest of the interpreter sees fx_repl() in repl.h. Completion and the
 * commands are plain functions of the interpreter's state, so unit tests
 * call them without a terminal. Completion finds its experiment contexts
 * (command options, layers) in repl_context.c. */
#ifndef FX_REPL_IMPL_H
#define FX_REPL_IMPL_H

#include <signal.h>
#include <stdio.h>
#include "interp.h"

/* One REPL session. The EditLine and History handles are kept as void *
 * so that this header (and the unit tests) need not include histedit.h. */
typedef struct FxRepl {
    FxInterp             **Ip;         /* the interpreter; :reset replaces it */
    volatile sig_atomic_t *interrupted;
    void                  *el;         /* EditLine *, NULL without a terminal */
    void                  *hist;       /* History * */
    char                  *hist_path;  /* NULL: history is not kept on disk */
    FxBuf                  entry;      /* lines of the entry being typed */
    FxBuf                  script;     /* entries that ran without error */
    int                    entries;    /* entries run since the start or :reset */
    int                    cancel;     /* Ctrl-C pressed while editing */
    int                    quit;       /* :quit or Ctrl-D */
    FILE                  *out;        /* where the REPL itself writes */
    char                   prompt_main[8], prompt_more[8];  /* "fx> ", "... " */
} FxRepl;

/* ---- completion (repl_complete.c) ---------------------------------------- */

typedef struct FxCompletions {
    char  **items;     /* whole words, each with its suffix ("step: "); sorted */
    int     n, cap;
    size_t  start;     /* offset in the text where the word being completed starts */
} FxCompletions;

/* The candidates for the word that ends at `cursor` in `text` (the whole
 * entry so far, earlier continuation lines included): keywords, builtins
 * and variables; fields after `name.`; keyword-argument names inside an
 * unclosed call; a command's options after its comma (train m on d, ep);
 * layers and their parameters in a model block; commands, help topics
 * and file names on a ':' line; file names inside a string. Only
 * candidates that start with the word. */
void fx_repl_complete(FxInterp *I, const char *text, size_t cursor, FxCompletions *out);
void fx_completions_free(FxCompletions *c);
/* Length of the longest prefix every item shares. */
size_t fx_completions_common(const FxCompletions *c);
/* Prints the items in columns that fit `width`. */
void fx_completions_print(const FxCompletions *c, FILE *out, int width);

/* Where the word being completed sits among the experiment statements
 * (repl_context.c). */
typedef enum FxContextKind {
    FX_CONTEXT_NONE,         /* none of these: ordinary code */
    FX_CONTEXT_OPTIONS,      /* after a comma of train, plot, ...; in `model NAME(` */
    FX_CONTEXT_LAYERS,       /* among the layers of a model block */
    FX_CONTEXT_LAYER_ARGS    /* where an argument of a layer starts: dense(64, | */
} FxContextKind;

typedef struct FxStmtContext {
    FxContextKind          kind;
    const FxOptionDef     *options;   /* OPTIONS: the statement's, as registered */
    const struct FxBuiltin *layer;    /* LAYER_ARGS: the layer being written */
} FxStmtContext;

/* The context of the word that starts at `word` in `text`. */
void fx_repl_context(const FxInterp *I, const char *text, size_t word, FxStmtContext *out);

/* Whether an option's name can be written as `name: value` (a keyword
 * such as `continue` cannot); only those are completed. */
int fx_repl_option_writable(const char *name);

/* Keywords of the language (grammar/lexer.re), NULL-terminated. */
extern const char *const fx_repl_keywords[];

/* ---- commands (repl_commands.c) ------------------------------------------ */

/* Runs one ':' line (the text after the colon, without the newline).
 * Reports problems itself; never ends the REPL except for :quit. */
void fx_repl_command(FxRepl *r, const char *line);
/* The i-th command's name without the colon; NULL past the last. */
const char *fx_repl_command_name(int i);

/* Records an entry that ran without error, for :save. */
void fx_repl_remember(FxRepl *r, const char *text, size_t len);

/* ---- help (repl_help.c) -------------------------------------------------- */

/* :help with no topic, and :help TOPIC (a statement, a command, a builtin). */
void fx_repl_help(FxInterp *I, FILE *out, const char *topic);
/* The i-th topic with a help text of its own (a statement, ":load",
 * "keys"); NULL past the last. Builtins are topics too. */
const char *fx_repl_help_topic(const FxInterp *I, int i);

#endif
