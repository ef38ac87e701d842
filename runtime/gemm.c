/* Matrix products for the layers: one logical cblas_sgemm per product, cut
 * into column panels of C whose width depends only on the shape (never on
 * the thread count), each panel one single-threaded cblas_sgemm call run
 * on the pool. A panel's numbers are the same whichever thread computes
 * it, so results are bit-identical for any thread count. Small products are
 * one call. Knows nothing of the fx language. */
#include <cblas.h>
#include "rt_internal.h"

typedef struct {
    int transa, transb;
    int64_t m, n, k, lda, ldb, ldc, width;
    float alpha, beta;
    const float *a, *b;
    float *c;
} GemmJob;

static void gemm_call(const GemmJob *g, int64_t j0, int64_t nc)
{
    const float *b = g->transb ? g->b + j0 * g->ldb : g->b + j0;
    cblas_sgemm(CblasRowMajor, g->transa ? CblasTrans : CblasNoTrans,
                g->transb ? CblasTrans : CblasNoTrans, (int)g->m, (int)nc,
                (int)g->k, g->alpha, g->a, (int)g->lda, b, (int)g->ldb,
                g->beta, g->c + j0, (int)g->ldc);
}

static void gemm_panel(void *ctx, int64_t t)
{
    const GemmJob *g = ctx;
    int64_t j0 = t * g->width;
    int64_t nc = g->n - j0 < g->width ? g->n - j0 : g->width;
    gemm_call(g, j0, nc);
}

/* Panel width: about a megaflop per panel, a multiple of 64 columns. */
static int64_t panel_width(int64_t m, int64_t n, int64_t k)
{
    int64_t per_col = 2 * m * k;
    if (per_col <= 0 || n <= 64 || per_col * n < (INT64_C(1) << 22))
        return n;
    int64_t w = ((INT64_C(1) << 20) / per_col + 63) / 64 * 64;
    return w < 64 ? 64 : w;
}

void rt_gemm(RtThreads *th, int transa, int transb, int64_t m, int64_t n,
             int64_t k, float alpha, const float *a, int64_t lda,
             const float *b, int64_t ldb, float beta, float *c, int64_t ldc)
{
    if (m <= 0 || n <= 0)
        return;
    GemmJob g = {transa, transb, m, n, k, lda, ldb, ldc, 0, alpha, beta,
                 a, b, c};
    g.width = panel_width(m, n, k);
    int64_t panels = (n + g.width - 1) / g.width;
    if (panels == 1)
        gemm_call(&g, 0, n);
    else
        rt_threads_run(th, panels, gemm_panel, &g);
}
