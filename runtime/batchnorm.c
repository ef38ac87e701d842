/* Batch normalisation's kernels over x [n, c, s] (s = 1 for BatchNorm1d,
 * H*W for BatchNorm2d), following PyTorch: train mode normalises with the
 * batch mean and biased variance and moves the running statistics by
 * `momentum` towards the mean and the unbiased variance; eval mode uses the
 * running statistics. One task per channel, sums in double in a fixed
 * order. Knows nothing of the fx language. */
#include <math.h>
#include "rt_internal.h"

typedef struct {
    int train;
    const float *x, *dy, *gamma, *beta, *mean, *invstd;
    float *y, *dx, *dgamma, *dbeta, *run_mean, *run_var, *save_mean,
          *save_invstd;
    int64_t n, c, s;
    double momentum, eps;
} BnJob;

#define AT(j, i, ch, p) (((i) * (j)->c + (ch)) * (j)->s + (p))

static void batch_stats(const BnJob *j, int64_t ch, double *mean, double *var)
{
    double sum = 0, sq = 0, cnt = (double)(j->n * j->s);
    for (int64_t i = 0; i < j->n; i++)
        for (int64_t p = 0; p < j->s; p++)
            sum += j->x[AT(j, i, ch, p)];
    *mean = sum / cnt;
    for (int64_t i = 0; i < j->n; i++)
        for (int64_t p = 0; p < j->s; p++) {
            double d = j->x[AT(j, i, ch, p)] - *mean;
            sq += d * d;
        }
    *var = sq / cnt;
}

static void fwd_task(void *ctx, int64_t ch)
{
    const BnJob *j = ctx;
    double mean, var, cnt = (double)(j->n * j->s);
    if (j->train) {
        batch_stats(j, ch, &mean, &var);
        j->run_mean[ch] = (float)((1 - j->momentum) * j->run_mean[ch]
                                  + j->momentum * mean);
        j->run_var[ch] = (float)((1 - j->momentum) * j->run_var[ch]
                                 + j->momentum * var * cnt / (cnt - 1));
    } else {
        mean = j->run_mean[ch];
        var = j->run_var[ch];
    }
    float invstd = (float)(1.0 / sqrt(var + j->eps));
    j->save_mean[ch] = (float)mean;
    j->save_invstd[ch] = invstd;
    /* y = x * alpha + b0, the form PyTorch's CPU kernel uses */
    float g = j->gamma ? j->gamma[ch] : 1.0f, b = j->beta ? j->beta[ch] : 0.0f;
    float alpha = invstd * g, b0 = b - (float)mean * alpha;
    for (int64_t i = 0; i < j->n; i++)
        for (int64_t p = 0; p < j->s; p++)
            j->y[AT(j, i, ch, p)] = j->x[AT(j, i, ch, p)] * alpha + b0;
}

void rt_batchnorm_forward(RtThreads *th, int train, float *y, const float *x,
                          const float *gamma, const float *beta,
                          float *run_mean, float *run_var, float *save_mean,
                          float *save_invstd, int64_t n, int64_t c, int64_t s,
                          double momentum, double eps)
{
    BnJob j = {.train = train, .x = x, .gamma = gamma, .beta = beta, .y = y,
               .run_mean = run_mean, .run_var = run_var,
               .save_mean = save_mean, .save_invstd = save_invstd, .n = n,
               .c = c, .s = s, .momentum = momentum, .eps = eps};
    rt_threads_run(th, c, fwd_task, &j);
}

/* Train: dx = gamma*invstd * (dy - mean(dy) - xhat * mean(dy*xhat)).
 * Eval: the statistics are constants, dx = gamma*invstd*dy. */
static void bwd_task(void *ctx, int64_t ch)
{
    const BnJob *j = ctx;
    double sum_dy = 0, sum_dyx = 0, cnt = (double)(j->n * j->s);
    float mean = j->mean[ch], invstd = j->invstd[ch];
    for (int64_t i = 0; i < j->n; i++)
        for (int64_t p = 0; p < j->s; p++) {
            int64_t at = AT(j, i, ch, p);
            sum_dy += j->dy[at];
            sum_dyx += (double)j->dy[at] * ((j->x[at] - mean) * invstd);
        }
    if (j->dgamma)
        j->dgamma[ch] += (float)sum_dyx;
    if (j->dbeta)
        j->dbeta[ch] += (float)sum_dy;
    if (!j->dx)
        return;
    float g = j->gamma ? j->gamma[ch] : 1.0f, k = g * invstd;
    float mdy = j->train ? (float)(sum_dy / cnt) : 0.0f;
    float mdyx = j->train ? (float)(sum_dyx / cnt) : 0.0f;
    for (int64_t i = 0; i < j->n; i++)
        for (int64_t p = 0; p < j->s; p++) {
            int64_t at = AT(j, i, ch, p);
            float xhat = (j->x[at] - mean) * invstd;
            j->dx[at] += k * (j->dy[at] - mdy - xhat * mdyx);
        }
}

void rt_batchnorm_backward(RtThreads *th, int train, float *dx, float *dgamma,
                           float *dbeta, const float *dy, const float *x,
                           const float *gamma, const float *save_mean,
                           const float *save_invstd, int64_t n, int64_t c,
                           int64_t s)
{
    BnJob j = {.train = train, .x = x, .dy = dy, .gamma = gamma,
               .mean = save_mean, .invstd = save_invstd, .dx = dx,
               .dgamma = dgamma, .dbeta = dbeta, .n = n, .c = c, .s = s};
    rt_threads_run(th, c, bwd_task, &j);
}
