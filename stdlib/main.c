/* The fx program: the interpreter's command line (fx_main) with the
 * standard library opened into every interpreter it makes. First, when
 * OpenBLAS did not recognise the CPU and fell back to an older kernel than
 * the CPU runs (rt_blas_better_core), fx sets OPENBLAS_CORETYPE and starts
 * itself again, since OpenBLAS reads the variable only when it loads. A
 * variable the user set is never changed. `fx compare` (plot/compare.h)
 * and `fx report` (plot/report.h) are run from here, since they draw with the standard library's charts. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "open.h"
#include "plot/compare.h"
#include "plot/report.h"
#include "rt.h"

int main(int argc, char **argv)
{
    const char *core = rt_blas_better_core();
    if (core && !getenv("OPENBLAS_CORETYPE") && setenv("OPENBLAS_CORETYPE", core, 1) == 0) {
        execv("/proc/self/exe", argv);
        unsetenv("OPENBLAS_CORETYPE");   /* no exec: run on with OpenBLAS's pick */
    }
    if (argc > 1 && !strcmp(argv[1], "compare"))
        return fx_compare_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "report"))
        return fx_report_main(argc - 1, argv + 1);
    return fx_main(argc, argv, fx_stdlib_open);
}
