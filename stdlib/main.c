/* The fx program: the interpreter's command line (fx_main) with the
 * standard library opened into every interpreter it makes. First, when
 * OpenBLAS did not recognise the CPU and fell back to an older kernel than
 * the CPU runs (rt_blas_better_core), fx sets OPENBLAS_CORETYPE and starts
 * itself again, since OpenBLAS reads the variable only when it loads. A
 * variable the user set is never changed. */
#include <stdlib.h>
#include <unistd.h>
#include "open.h"
#include "rt.h"

int main(int argc, char **argv)
{
    const char *core = rt_blas_better_core();
    if (core && !getenv("OPENBLAS_CORETYPE") && setenv("OPENBLAS_CORETYPE", core, 1) == 0) {
        execv("/proc/self/exe", argv);
        unsetenv("OPENBLAS_CORETYPE");   /* no exec: run on with OpenBLAS's pick */
    }
    return fx_main(argc, argv, fx_stdlib_open);
}
