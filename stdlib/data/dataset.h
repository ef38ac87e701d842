/* Data sets as fx values: n samples of float32 features with a per-sample
 * shape ([10], [3, 32, 32]) and their targets, either class indices
 * (classes >= 2, one float per sample) or regression values (classes 0,
 * ydim floats per sample). Generators, loaders and splitting live in
 * data/data_*.c; the training glue hands fx_dataset_rt() to the runtime. */
#ifndef FX_DATASET_H
#define FX_DATASET_H

#include "fx.h"
#include "rt.h"

typedef struct FxDataset {
    RtShape shape;        /* per sample */
    int64_t n;
    float  *x;            /* n * numel(shape), from rt_alloc; owned */
    int64_t ydim;         /* floats per target */
    float  *y;            /* n * ydim, from rt_alloc; owned */
    int     classes;      /* >= 2: y holds class indices; 0: regression */
    /* The numbers as read (load_csv, dataset()), when some of them are not
     * float32 numbers: the fields x and y show these, exactly; NULL when
     * x (y) holds every value exactly. From rt_alloc; owned. */
    double *x64, *y64;
    char    origin[96];   /* "random_images(1000)", "data.csv", ... */
} FxDataset;

extern const FxForeignType fx_dataset_type;

/* Zero-filled, sizes checked (RT_ERR_NOMEM for too much). */
FxDataset *fx_dataset_new(int64_t n, const RtShape *shape, int64_t ydim, int classes,
                          RtError *err);
void       fx_dataset_free(FxDataset *d);
/* Wraps d as a value; the value owns it. */
FxValue    fx_dataset_value(FxInterp *I, FxDataset *d);
/* d is a dataset value? */
FxDataset *fx_value_dataset(FxValue v);
/* Argument i of a builtin as a dataset, or a located error. */
int        fx_arg_dataset(FxCall *c, int i, FxDataset **out);
/* The samples idx[0..k) of d, in that order (a new data set). */
FxDataset *fx_dataset_take(const FxDataset *d, const int64_t *idx, int64_t k, RtError *err);
/* Keeps x64 (n * numel(shape) doubles) and y64 (n * ydim) as d's exact
 * numbers where one of them differs from its float32 in d->x (d->y);
 * either may be NULL. RT_ERR_NOMEM when memory runs out. */
int        fx_dataset_keep_exact(FxDataset *d, const double *x64, const double *y64,
                                 RtError *err);
/* Copies k samples' exact numbers (when src has them) from src sample
 * `from` to dst sample `to`, making dst's arrays on first use (their other
 * samples are dst's floats). */
int        fx_dataset_copy_exact(FxDataset *dst, int64_t to, const FxDataset *src,
                                 int64_t from, int64_t k, RtError *err);
/* The runtime's view of d (borrowed pointers). */
RtData     fx_dataset_rt(const FxDataset *d);

#endif
