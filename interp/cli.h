/* The command line: what `fx ...` was asked to do, and doing it. */
#ifndef FX_CLI_H
#define FX_CLI_H

#include <signal.h>
#include "interp.h"

typedef enum FxMode { FX_MODE_FILE, FX_MODE_EXPR, FX_MODE_STDIN, FX_MODE_CHECK,
                      FX_MODE_REPL } FxMode;

typedef struct FxCli {
    FxOptions   opt;
    FxMode      mode;
    const char *file;       /* FX_MODE_FILE */
    const char *code;       /* FX_MODE_EXPR */
    char      **files;      /* FX_MODE_CHECK */
    int         nfiles;
    int         color;      /* -1 auto */
    int         width;      /* 0 auto */
} FxCli;

/* Returns -1 when there is something to run, otherwise the exit status
 * (0 after --help or --version, 2 after a usage error). */
int fx_cli_parse(FxCli *c, int argc, char **argv);
int fx_cli_run(FxCli *c, volatile sig_atomic_t *interrupted);

#endif
