/* The interactive REPL. A placeholder until the REPL lands: it says so. */
#include <stdio.h>
#include "repl.h"

int fx_repl(FxInterp *I, volatile sig_atomic_t *interrupted)
{
    (void)interrupted;
    fprintf(I->diag.out, "fx: the interactive REPL is not available yet; run a script "
                         "(fx FILE) or pipe one in (fx - < FILE)\n");
    return 2;
}
