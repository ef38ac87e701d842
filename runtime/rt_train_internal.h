/* Internals shared by the training loop (train.c), evaluation
 * (evaluate.c) and weight files (safetensors.c), and by their unit tests:
 * views of a data set through an index list, batch gathering, evaluation
 * over a view, and the safetensors reader. Never included outside runtime/
 * and tests/. Knows nothing of the fx language. */
#ifndef FX_RT_TRAIN_INTERNAL_H
#define FX_RT_TRAIN_INTERNAL_H

#include <stdio.h>
#include "rt.h"

/* ---- views (evaluate.c) --------------------------------------------------
 * Sample j of a view is sample off + (idx ? idx[j] : j) of the data. */
typedef struct RtView {
    const RtData  *d;
    const int64_t *idx;     /* NULL: samples off .. off + n - 1 in order */
    int64_t        off, n;
    int64_t        in_n;    /* floats per sample */
} RtView;

RtView rt_view_all(const RtData *d);

/* The x and y of `size` samples of v: view positions pos[lo .. lo+size)
 * (pos NULL: lo .. lo+size). Points into the data when those samples are
 * contiguous there, else copies them into xbuf / ybuf (size samples each). */
void rt_view_batch(const RtView *v, const int64_t *pos, int64_t lo,
                   int64_t size, float *xbuf, float *ybuf, const float **x,
                   const float **y);

/* Whether `loss` is a classification loss (accuracy is defined). */
int    rt_loss_classifies(RtLossKind loss);
/* Correct predictions of the last forward over `size` samples: argmax for
 * cross_entropy; for the binary losses each output is a 0/1 decision
 * (threshold 0 on logits, 0.5 on probabilities) and the count is of
 * correct decisions divided by the outputs per sample. */
double rt_batch_correct(const RtModel *m, RtLossKind loss, const float *y,
                        int64_t size);

/* Checks that d fits m and `loss`: per-sample shape, ydim, and every
 * target (class indices for cross_entropy, values in [0, 1] for the binary
 * losses, finite for mse). `what` names the data in messages. */
int rt_data_check(const RtModel *m, const RtData *d, RtLossKind loss,
                  const char *what, RtError *err);

/* Eval-mode loss (plus the model's L2 penalty) and accuracy (NaN unless
 * classifying) over the view, in batches of `batch`; xbuf / ybuf hold
 * `batch` samples (unused when the view is contiguous). Allocates nothing. */
int rt_eval_view(RtModel *m, const RtView *v, RtLossKind loss, int64_t batch,
                 float *xbuf, float *ybuf, double *loss_out, double *acc_out,
                 RtError *err);

/* ---- per-layer evidence (layer_stats.c) ----------------------------------
 * The RtLayerStats of rt.h for training: allocated for `epochs` (NaN
 * everywhere), then filled for epoch e from the live buffers of one step:
 * the activations after its forward, the gradients after its backward
 * (before clipping), the parameters after its update against `before`
 * (rt_layer_stats_keep copied them in just before it). */
int  rt_layer_stats_alloc(RtLayerStats *s, const RtModel *m, int64_t epochs,
                          RtError *err);
void rt_layer_stats_free(RtLayerStats *s);
void rt_layer_stats_acts(RtLayerStats *s, const RtModel *m, int64_t e);
void rt_layer_stats_grads(RtLayerStats *s, const RtModel *m, int64_t e);
void rt_layer_stats_keep(const RtModel *m, float *before);
void rt_layer_stats_steps(RtLayerStats *s, const RtModel *m,
                          const float *before, int64_t e);

/* ---- safetensors (safetensors.c) -----------------------------------------
 * A parsed file: the header is checked completely on open (JSON syntax,
 * known dtypes, shapes, every byte range inside the data and the ranges
 * covering the data exactly, no duplicate names), so reads cannot go out
 * of bounds. Names point into the owned, unescaped header text. */
#define RT_ST_MAX_HEADER 100000000u   /* the reference implementation's cap */

typedef struct RtStEntry {
    const char *name;       /* UTF-8, NUL-terminated */
    const char *dtype;      /* "F32", "I64", ... (static) */
    int         elem;       /* bytes per element */
    int         ndim;
    int64_t     dim[RT_MAX_DIMS];
    int64_t     count;      /* elements */
    uint64_t    begin, end; /* byte range within the data section */
} RtStEntry;

typedef struct RtStFile {
    FILE      *fp;
    char      *header;      /* owned */
    uint64_t   data_start;  /* file offset of the data section */
    uint64_t   data_size;
    int64_t    n;
    RtStEntry *e;           /* owned, n entries in header order */
} RtStFile;

/* Parses a header of `len` bytes (modified in place: strings are unescaped
 * and NUL-terminated) for a data section of data_size bytes; *entries is
 * allocated (free with rt_free) and *n set. `path` only names the file in
 * messages. RT_ERR_FORMAT with the byte offset of the first problem. */
int  rt_st_parse(char *hdr, uint64_t len, uint64_t data_size, const char *path,
                 RtStEntry **entries, int64_t *n, RtError *err);
int  rt_st_open(RtStFile *f, const char *path, RtError *err);
const RtStEntry *rt_st_find(const RtStFile *f, const char *name);
/* Reads an F32 entry into out[e->count]. */
int  rt_st_read_f32(RtStFile *f, const RtStEntry *e, float *out,
                    const char *path, RtError *err);
void rt_st_close(RtStFile *f);

#endif
