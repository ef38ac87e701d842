/* Unit tests of how the standard library sets thread counts: at
 * --threads 1 training uses one core, so OpenBLAS must be held to one
 * thread even though no pool is made (it starts with one thread per core
 * and once kept them, running a 1-thread sweep at 198 % CPU); with a pool,
 * OpenBLAS is held to one thread too, and the pool has the threads asked. */
#include "check.h"
#include "fxrun.h"
#include "core/std.h"

static const char *train =
    "seed 0\n"
    "let d = random_data(64, 4, classes: 2)\n"
    "model m { dense(8) relu dense(2) }\n"
    "let r = train m on d, optimizer: sgd(lr: 0.1), loss: cross_entropy, epochs: 1, batch: 16\n";

static void threads_case(Checks *c, int threads)
{
    FILE *null_out;
    FxInterp *I = fxt_new(&null_out);
    I->opt.threads = threads;
    rt_blas_set_threads(2);   /* as OpenBLAS starts on a machine of 2+ cores */
    CHECK(c, fxt_run(I, train) == FX_RUN_OK, "--threads %d: a training run succeeds", threads);
    CHECK(c, rt_blas_threads() == 1, "--threads %d: OpenBLAS holds %d thread(s) after training, want 1",
          threads, rt_blas_threads());
    int pool = rt_threads_count(fx_std(I)->threads);
    CHECK(c, pool == threads, "--threads %d: the pool has %d thread(s)", threads, pool);
    fxt_free(I, null_out);
}

int main(void)
{
    Checks c = {0, 0};
    threads_case(&c, 1);
    threads_case(&c, 2);
    return checks_done(&c);
}
