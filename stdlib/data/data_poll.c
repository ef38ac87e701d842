/* The long passes of the data builtins (random fills, permutations, the
 * shuffled copy of a data set) done in parts of FX_DATA_PART numbers,
 * with Ctrl-C noticed between parts, so `moons(1e8)` stops within a
 * fraction of a second instead of after the whole pass. The draws and the
 * result are those of one uncut pass, bit for bit: the fills are counter
 * based (a part of even length moves the cursor as the whole does) and
 * the shuffle's rounds run in the same order. */
#include <string.h>
#include "data.h"

#define FX_DATA_PART ((int64_t)1 << 20)   /* even, as fill_normal draws pairs */

static int stopped(FxCall *c)
{
    return fx_check_interrupt(c->I, c->node->span);
}

typedef void (*Fill)(RtRng *r, float *x, int64_t n, float a, float b);

static int fill_parts(FxCall *c, Fill fill, RtRng *r, float *x, int64_t n, float a, float b)
{
    for (int64_t at = 0; at < n; at += FX_DATA_PART) {
        if (stopped(c))
            return -1;
        fill(r, x + at, n - at < FX_DATA_PART ? n - at : FX_DATA_PART, a, b);
    }
    return 0;
}

int fx_data_fill_normal(FxCall *c, RtRng *r, float *x, int64_t n, float mean, float std)
{
    return fill_parts(c, rt_rng_fill_normal, r, x, n, mean, std);
}

int fx_data_fill_uniform(FxCall *c, RtRng *r, float *x, int64_t n, float lo, float hi)
{
    return fill_parts(c, rt_rng_fill_uniform, r, x, n, lo, hi);
}

int fx_data_permutation(FxCall *c, RtRng *r, int64_t *perm, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        perm[i] = i;
    for (int64_t from = n - 1; from > 0; from -= FX_DATA_PART) {
        if (stopped(c))
            return -1;
        int64_t to = from - FX_DATA_PART > 0 ? from - FX_DATA_PART : 0;
        rt_rng_shuffle_rounds(r, perm, from, to);
    }
    return 0;
}

int fx_data_shuffled(FxCall *c, FxDataset **d, RtRng *r)
{
    RtError e = fx_std_rt_err(c->I);
    int64_t *perm = rt_alloc((*d)->n, sizeof *perm, "a permutation", &e);
    FxDataset *t = NULL;
    int rc = perm ? fx_data_permutation(c, r, perm, (*d)->n) : fx_rt_error(c->I, c->node->span, &e);
    if (rc == 0 && !(t = fx_dataset_take(*d, perm, (*d)->n, &e)))
        rc = fx_rt_error(c->I, c->node->span, &e);
    rt_free(perm);
    fx_dataset_free(*d);
    *d = t;
    return rc;
}
