/* Saved runs read back and compared: the JSON lines and CSV files that
 * `save` and `--out` write (a run, a sweep, a list, a set of curves) as
 * values keyed by series, metric and step, and their comparison within a
 * tolerance, as `fx compare` and assert_close do. Plain C over text: knows
 * nothing of fx values.
 *
 * A row's fields before its "epoch" (or "step", "index") field name its
 * series ("lr=0.1, batch=16"; "" for a single run); the numbers after it
 * are its metrics at that epoch. A file without such a field (a set of
 * curves) counts its rows per series instead. */
#ifndef FX_RUNS_FILE_H
#define FX_RUNS_FILE_H

#include <stddef.h>

typedef struct FxRunsValue {
    char  *series;      /* owned */
    char  *metric;      /* owned */
    double x;           /* epoch, step or index */
    double v;           /* NaN for null / nan */
} FxRunsValue;

typedef struct FxRuns {
    FxRunsValue *v;
    size_t       n, cap;
    const char  *xname;   /* "epoch", "step", "index" or "row" */
    int          nseries, nmetrics;
} FxRuns;

/* Parses text (csv when `csv`, else JSON lines). Returns 0, or -1 with a
 * message naming the line in err. */
int  fx_runs_parse(FxRuns *r, const char *text, size_t len, int csv, char *err, size_t errn);
/* Reads a file (.csv or .jsonl by its name); -1 with a message in err. */
int  fx_runs_read(FxRuns *r, const char *path, char *err, size_t errn);
void fx_runs_free(FxRuns *r);

typedef struct FxRunsDev {
    const FxRunsValue *a, *b;   /* b NULL: only in A; a NULL: only in B */
    double             abs, rel, over;   /* |a-b|, |a-b|/|b|, |a-b| / tolerance */
    int                ok;
} FxRunsDev;

typedef struct FxRunsDiff {
    FxRunsDev *d;             /* every value, the worst first */
    size_t     n;
    size_t     outside;       /* values beyond the tolerance (missing ones too) */
    size_t     only_a, only_b;
    double     max_abs, max_rel;
} FxRunsDiff;

/* Compares A with B (the reference): a value is within the tolerance when
 * |a - b| <= atol + rtol * |b|, as numpy.isclose; two NaNs are equal. A
 * value that only one side has is outside. The runs are sorted. */
void fx_runs_diff(FxRuns *a, FxRuns *b, double rtol, double atol, FxRunsDiff *out);
void fx_runs_diff_free(FxRunsDiff *d);
/* One line on the worst value: "val_loss at epoch 3 of lr=0.1: 0.52 against
 * 0.5 (relative 4%)". */
void fx_runs_dev_text(const FxRunsDev *d, const char *xname, char *buf, size_t n);

#endif
