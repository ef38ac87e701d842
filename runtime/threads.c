/* The runtime's persistent thread pool: workers sleep on a condition
 * variable between jobs (never spin), take tasks from a shared counter, and
 * the caller works alongside them. Which thread runs a task never changes
 * what the task computes, so results do not depend on the thread count.
 * Also sets OpenBLAS's own thread count. Knows nothing of the fx language. */
#include <pthread.h>
#include <stdatomic.h>
#include <cblas.h>
#include "rt_internal.h"

struct RtThreads {
    int              n;          /* participants, the caller included */
    pthread_t       *tid;
    pthread_mutex_t  mu;
    pthread_cond_t   wake, done;
    uint64_t         generation; /* bumped for each job */
    int              stop;
    int              busy_workers;
    RtTaskFn         fn;
    void            *ctx;
    int64_t          ntasks;
    atomic_llong     next;       /* next task to take */
    atomic_int       running;    /* a job is in progress: nested runs inline */
};

static void take_tasks(RtThreads *th)
{
    for (;;) {
        long long t = atomic_fetch_add(&th->next, 1);
        if (t >= th->ntasks)
            return;
        th->fn(th->ctx, (int64_t)t);
    }
}

static void *worker(void *arg)
{
    RtThreads *th = arg;
    uint64_t seen = 0;
    pthread_mutex_lock(&th->mu);
    for (;;) {
        while (!th->stop && th->generation == seen)
            pthread_cond_wait(&th->wake, &th->mu);
        if (th->stop)
            break;
        seen = th->generation;
        pthread_mutex_unlock(&th->mu);
        take_tasks(th);
        pthread_mutex_lock(&th->mu);
        if (--th->busy_workers == 0)
            pthread_cond_signal(&th->done);
    }
    pthread_mutex_unlock(&th->mu);
    return NULL;
}

void rt_blas_set_threads(int n)
{
    openblas_set_num_threads(n < 1 ? 1 : n);
}

int rt_blas_threads(void)
{
    return openblas_get_num_threads();
}

static void stop_workers(RtThreads *th, int started)
{
    pthread_mutex_lock(&th->mu);
    th->stop = 1;
    pthread_cond_broadcast(&th->wake);
    pthread_mutex_unlock(&th->mu);
    for (int i = 0; i < started; i++)
        pthread_join(th->tid[i], NULL);
}

static void destroy(RtThreads *th)
{
    pthread_cond_destroy(&th->done);
    pthread_cond_destroy(&th->wake);
    pthread_mutex_destroy(&th->mu);
    rt_free(th->tid);
    rt_free(th);
}

RtThreads *rt_threads_new(int nthreads, RtError *err)
{
    if (nthreads < 1 || nthreads > 1024) {
        rt_error_set(err, RT_ERR_ARG, "thread count must be 1..1024, got %d",
                     nthreads);
        return NULL;
    }
    RtThreads *th = rt_alloc(1, sizeof *th, "thread pool", err);
    if (!th)
        return NULL;
    th->n = nthreads;
    th->tid = rt_alloc(nthreads, sizeof *th->tid, "thread pool", err);
    if (!th->tid) {
        rt_free(th);
        return NULL;
    }
    pthread_mutex_init(&th->mu, NULL);
    pthread_cond_init(&th->wake, NULL);
    pthread_cond_init(&th->done, NULL);
    atomic_init(&th->next, 0);
    atomic_init(&th->running, 0);
    for (int i = 0; i < nthreads - 1; i++) {
        if (pthread_create(&th->tid[i], NULL, worker, th) != 0) {
            stop_workers(th, i);
            destroy(th);
            rt_error_set(err, RT_ERR_NOMEM, "could not start thread %d of %d",
                         i + 2, nthreads);
            return NULL;
        }
    }
    rt_blas_set_threads(1);
    return th;
}

void rt_threads_free(RtThreads *th)
{
    if (!th)
        return;
    stop_workers(th, th->n - 1);
    destroy(th);
}

int rt_threads_count(const RtThreads *th) { return th ? th->n : 1; }

void rt_threads_run(RtThreads *th, int64_t ntasks, RtTaskFn fn, void *ctx)
{
    int expected = 0;
    if (!th || th->n == 1 || ntasks <= 1 ||
        !atomic_compare_exchange_strong(&th->running, &expected, 1)) {
        for (int64_t t = 0; t < ntasks; t++)
            fn(ctx, t);
        return;
    }
    pthread_mutex_lock(&th->mu);
    th->fn = fn;
    th->ctx = ctx;
    th->ntasks = ntasks;
    atomic_store(&th->next, 0);
    th->busy_workers = th->n - 1;
    th->generation++;
    pthread_cond_broadcast(&th->wake);
    pthread_mutex_unlock(&th->mu);
    take_tasks(th);
    pthread_mutex_lock(&th->mu);
    while (th->busy_workers > 0)
        pthread_cond_wait(&th->done, &th->mu);
    pthread_mutex_unlock(&th->mu);
    atomic_store(&th->running, 0);
}

typedef struct {
    int64_t    count, chunk;
    RtRangeFn  fn;
    void      *ctx;
} RangeJob;

static void range_task(void *ctx, int64_t t)
{
    const RangeJob *j = ctx;
    int64_t lo = t * j->chunk;
    int64_t hi = lo + j->chunk < j->count ? lo + j->chunk : j->count;
    j->fn(j->ctx, lo, hi);
}

void rt_parallel_range(RtThreads *th, int64_t count, int64_t chunk,
                       RtRangeFn fn, void *ctx)
{
    if (count <= 0)
        return;
    if (chunk < 1)
        chunk = 1;
    if (count <= chunk) {
        fn(ctx, 0, count);
        return;
    }
    RangeJob j = {count, chunk, fn, ctx};
    rt_threads_run(th, (count + chunk - 1) / chunk, range_task, &j);
}
