/* The standard library's per-interpreter state (FxStd, reached through
 * I->std): the seed, the counter that numbers each generated data set's
 * RNG stream, the training thread pool made on first use, and turning a
 * runtime error value into a located fx error. No globals. */
#include <stdlib.h>
#include <unistd.h>
#include "std.h"

FxStd *fx_std_new(void)
{
    return fx_xcalloc(1, sizeof(FxStd));
}

void fx_std_free(FxStd *s)
{
    if (!s)
        return;
    rt_threads_free(s->threads);
    free(s);
}

RtRng fx_std_data_rng(FxInterp *I)
{
    FxStd *s = fx_std(I);
    return rt_rng(s->seed, rt_stream(RT_STREAM_DATA, s->data_calls++));
}

int fx_std_thread_count(const FxInterp *I)
{
    if (I->opt.threads > 0)
        return I->opt.threads;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n < 256 ? n : 256) : 1;
}

RtThreads *fx_std_threads(FxInterp *I)
{
    FxStd *s = fx_std(I);
    if (s->threads)
        return s->threads;
    int n = fx_std_thread_count(I);
    if (n <= 1) {
        if (!s->blas_pinned)
            rt_blas_set_threads(1);
        s->blas_pinned = 1;
        return NULL;
    }
    /* A pool that cannot be made is not an error: everything then runs on
     * the calling thread, with the same results. */
    s->threads = rt_threads_new(n, NULL);
    if (!s->threads && !s->blas_pinned)
        rt_blas_set_threads(1);
    s->blas_pinned = 1;
    return s->threads;
}

int fx_rt_error(FxInterp *I, FxSpan at, const RtError *e)
{
    const char *msg = e && e->msg[0] ? e->msg : "the runtime failed without a message";
    fx_error(I, at, "%s", msg);
    if (e && e->code == RT_ERR_NOMEM)
        fx_error_hint(I, "use fewer samples or smaller shapes");
    else if (e && e->code == RT_ERR_BUDGET)
        fx_budget_hint(I);
    return -1;
}
