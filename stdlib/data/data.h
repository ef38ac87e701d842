/* Shared by the data set files (dataset.c, data_*.c) and their unit tests:
 * argument helpers for the data builtins and the C-level loaders, which
 * know nothing of calls or spans (they fill an FxDataError the builtins
 * turn into a located error). Not for the language core. */
#ifndef FX_DATA_H
#define FX_DATA_H

#include "dataset.h"
#include "core/std.h"

/* Largest class count a data set may have (class indices stay exact in
 * float32 far beyond this). */
#define FX_DATA_MAX_CLASSES 100000
/* The most numbers the fields x and y turn into lists. */
#define FX_DATA_MAX_LIST 100000

/* Each file of data builtins registers its own table. */
void fx_data_gen_init(FxInterp *I);      /* random_images, random_data, regression, toy sets */
void fx_data_split_init(FxInterp *I);    /* split, take, normalize, concat */
void fx_data_csv_init(FxInterp *I);      /* load_csv */
void fx_data_idx_init(FxInterp *I);      /* load_idx, fashion_mnist */
void fx_data_reshape_init(FxInterp *I);  /* reshape */
void fx_data_npy_init(FxInterp *I);      /* load_npy, load_npz */

/* ---- argument helpers (each raises a located error and returns -1) ---- */

/* A sample count: a whole number >= 1. */
int fx_data_count(FxCall *c, int i, int64_t *out);
/* A class count from slot i (dflt when not given): 2..FX_DATA_MAX_CLASSES. */
int fx_data_classes(FxCall *c, int i, int dflt, int *out);
/* A per-sample shape: a whole number k >= 1 (the shape [k]) or a list of
 * 1 to RT_MAX_DIMS - 1 of them (the batch takes the last dimension). */
int fx_data_shape(FxCall *c, int i, RtShape *out);
/* A target shape for reshape from slot i: a list of 1 to RT_MAX_DIMS - 1
 * whole sizes >= 1, one of which may be -1 (rt_shape_reshape infers it). */
int fx_data_target_shape(FxCall *c, int i, RtShape *out);
/* Gives d's samples the shape target (row-major, the numbers unchanged);
 * RT_ERR_SHAPE naming both sizes when they do not match. */
int fx_dataset_reshape(FxDataset *d, const RtShape *target, RtError *err);
/* A string option from slot i (dflt when not given) that must be one of
 * `choices` (NULL-terminated); the error suggests the closest. */
int fx_data_choice(FxCall *c, int i, const char *dflt, const char *const *choices,
                   const char **out);
/* The RNG for one call that draws: with `seed:` given in slot i, stream
 * RT_STREAM_DATA 0 under that seed (the script's stream counter does not
 * move); otherwise fx_std_data_rng. */
int fx_data_rng(FxCall *c, int i, RtRng *out);

/* A path as the script means it: relative to the running script's
 * directory; as given when absolute or when the code is not from a file
 * (-e, stdin, the REPL). Caller frees. */
char *fx_data_path(FxInterp *I, const char *path);
struct FxDataError;
/* After a loader's error is raised: when it is a file that cannot be
 * read, the hint naming its absolute path (labels_path for an error
 * about the labels file). */
void fx_data_path_hint(FxInterp *I, const struct FxDataError *e, const char *path,
                       const char *labels_path);

/* The shortest decimal that reads back as the same float32, as a double:
 * 0.1f becomes 0.1, not 0.10000000149011612. The fields x and y show
 * numbers this way, and regression() calls f with them. */
double fx_float_num(float f);

/* Sets d->origin from a format, cut to fit. */
void fx_dataset_origin(FxDataset *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Samples per class (classes entries, caller frees), or NULL for a
 * regression set. */
int64_t *fx_dataset_counts(const FxDataset *d);

/* ---- long passes, Ctrl-C noticed between parts (data_poll.c) ---------- */

/* rt_rng_fill_normal, rt_rng_fill_uniform and rt_rng_permutation with the
 * same draws, in parts: 0, or -1 with the located "interrupted" error. */
int fx_data_fill_normal(FxCall *c, RtRng *r, float *x, int64_t n, float mean, float std);
int fx_data_fill_uniform(FxCall *c, RtRng *r, float *x, int64_t n, float lo, float hi);
int fx_data_permutation(FxCall *c, RtRng *r, int64_t *perm, int64_t n);
/* Replaces *d by a copy whose rows follow a fresh permutation drawn from
 * r, and frees the old one: 0, or -1 with the error raised and *d NULL. */
int fx_data_shuffled(FxCall *c, FxDataset **d, RtRng *r);

/* ---- loaders ------------------------------------------------------------ */

/* What went wrong in a loader: the message (lower case, naming the file
 * position as "name:line:col: ..." where there is one), an optional hint,
 * and which argument the error is about, so the builtin can point at it. */
typedef enum FxDataErrWhere {
    FX_DATA_AT_CALL, FX_DATA_AT_PATH, FX_DATA_AT_LABEL, FX_DATA_AT_LABELS_PATH,
    FX_DATA_AT_CLASSES, FX_DATA_AT_X_KEY, FX_DATA_AT_Y_KEY, FX_DATA_AT_COUNT
} FxDataErrWhere;

typedef struct FxDataError {
    char           msg[512];
    char           hint[256];
    FxDataErrWhere where;
    int64_t        max_bytes;   /* in: the memory budget (0: physical memory) */
} FxDataError;

/* An empty runtime error value with e's memory budget. */
static inline RtError fx_data_rt_err(const FxDataError *e)
{
    RtError r = {0};
    r.max_bytes = e ? e->max_bytes : 0;
    return r;
}
/* e's budget, or physical memory when it has none or it is larger. */
static inline int64_t fx_data_budget(const FxDataError *e)
{
    int64_t phys = rt_physical_memory();
    return e && e->max_bytes > 0 && e->max_bytes < phys ? e->max_bytes : phys;
}

void fx_data_error(FxDataError *e, FxDataErrWhere where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void fx_data_hint(FxDataError *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

typedef struct FxCsvOptions {
    const char *label;        /* the label column's name, or NULL */
    long long   label_index;  /* with label NULL: its index (negative from
                                 the end); FX_CSV_LAST for the last column */
    int         header;       /* the first row names the columns */
    char        sep;
    int         classes;      /* 0: decide from the labels */
    int         regression;   /* 1: the labels are regression targets */
} FxCsvOptions;

#define FX_CSV_LAST (-1LL)

/* Parses CSV text (len bytes) into a data set; `name` is how messages name
 * the file. Numeric columns are features, the label column the target:
 * class indices when every label is a whole number from 0 to 999 (classes
 * = the largest + 1), classes in sorted order when labels are text,
 * regression targets otherwise. */
FxDataset *fx_csv_parse(const char *text, size_t len, const char *name,
                        const FxCsvOptions *o, FxDataError *e);
/* Reads the file at `path` and parses it (messages say `name`). */
FxDataset *fx_csv_load(const char *path, const char *name, const FxCsvOptions *o,
                       FxDataError *e);

/* IDX files (plain or gzip-compressed): unsigned-byte images [n, dims...]
 * scaled to [0, 1] (sample shape [1, rows, cols] for 3-d files, dims
 * otherwise) and unsigned-byte labels [n]. `limit` > 0 reads only the
 * first `limit` samples; classes 0 takes the largest label + 1 (at least
 * 2). Bad magic numbers, truncation and count mismatches are errors. */
FxDataset *fx_idx_load(const char *images, const char *labels, int64_t limit, int classes,
                       FxDataError *e);

/* NPY and NPZ files (numpy's format, versions 1.0 to 3.0, any byte order
 * and memory order; bool, integer and float16/32/64 dtypes). Samples are
 * the first array, all but its first axis the sample shape; labels are
 * class indices when their dtype is an integer (or bool) one and
 * regression targets when it is a float one, unless the options say. */
typedef struct FxNpyOptions {
    int classes;              /* 0: the largest label + 1 (at least 2) */
    int regression;           /* 1: integer labels are regression targets */
} FxNpyOptions;

FxDataset *fx_npy_load(const char *xpath, const char *xname, const char *ypath,
                       const char *yname, const FxNpyOptions *o, FxDataError *e);
/* The arrays xkey and ykey ("x_train" is the member x_train.npy). */
FxDataset *fx_npz_load(const char *path, const char *name, const char *xkey, const char *ykey,
                       const FxNpyOptions *o, FxDataError *e);
/* The NPY bytes of d's samples ('<f4', shape (n, ...)) and targets ('<i8'
 * class indices (n,), or '<f4' (n,) or (n, k) regression targets). */
void fx_npy_samples(const FxDataset *d, FxBuf *b);
void fx_npy_targets(const FxDataset *d, FxBuf *b);
/* An NPZ archive of both, members x.npy and y.npy, stored as numpy.savez
 * does; -1 when it would pass the 4 GiB a zip without ZIP64 holds. */
int  fx_npz_dataset(const FxDataset *d, FxBuf *out);

#endif
