/* load_csv: a CSV file as a data set. Numeric columns become features, one
 * label column the target. The reader handles quoted fields (with "" and
 * line breaks inside), CRLF line endings, a UTF-8 byte order mark, blank
 * lines and a missing final newline; every error names the file position
 * (name:line:col) of the offending cell. The parser works on text in
 * memory and knows nothing of calls; the builtin at the end turns its
 * FxDataError into a located fx error. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data.h"

/* ---- rows ------------------------------------------------------------- */

typedef struct Cell {
    size_t off;            /* into the row's text */
    int    line, col;
} Cell;

typedef struct Row {
    FxBuf text;            /* the cells' unquoted text, each NUL-terminated */
    Cell *cells;
    int   n, cap;
    int   line, end_col;   /* where the row starts and where it ends */
} Row;

typedef struct Csv {
    const char  *p, *end, *line_start;
    int          line;
    char         sep;
    const char  *name;
    FxDataError *e;
} Csv;

static int col_of(const Csv *cs, const char *at)
{
    return (int)(at - cs->line_start) + 1;
}

static void newline(Csv *cs, const char *nl)
{
    cs->line++;
    cs->line_start = nl + 1;
}

static int is_blank(const Csv *cs, char ch)
{
    return (ch == ' ' || ch == '\t') && ch != cs->sep;
}

static void add_cell(Row *r, int line, int col)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->cells = fx_xrealloc(r->cells, (size_t)r->cap * sizeof *r->cells);
    }
    r->cells[r->n++] = (Cell){r->text.len, line, col};
}

static const char *cell(const Row *r, int i)
{
    return r->text.s + r->cells[i].off;
}

/* A quoted field: "" is a quote, line breaks are kept. */
static int quoted_field(Csv *cs, Row *r, int line, int col)
{
    cs->p++;
    for (;;) {
        if (cs->p >= cs->end) {
            fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: a quoted field is not closed",
                          cs->name, line, col);
            fx_data_hint(cs->e, "a quote inside a quoted field is written \"\"");
            return -1;
        }
        char ch = *cs->p;
        if (ch == '"' && cs->p + 1 < cs->end && cs->p[1] == '"') {
            fx_buf_put(&r->text, "\"", 1);
            cs->p += 2;
            continue;
        }
        if (ch == '"')
            break;
        if (ch == '\n')
            newline(cs, cs->p);
        fx_buf_put(&r->text, cs->p++, 1);
    }
    cs->p++;
    while (cs->p < cs->end && is_blank(cs, *cs->p))
        cs->p++;
    if (cs->p < cs->end && *cs->p != cs->sep && *cs->p != '\n' &&
        !(*cs->p == '\r' && (cs->p + 1 == cs->end || cs->p[1] == '\n'))) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: text after the closing quote of a field",
                      cs->name, cs->line, col_of(cs, cs->p));
        return -1;
    }
    return 0;
}

static int plain_field(Csv *cs, Row *r)
{
    const char *start = cs->p;
    while (cs->p < cs->end && *cs->p != cs->sep && *cs->p != '\n') {
        if (*cs->p == '\0') {
            fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: a NUL byte: this is not a text file",
                          cs->name, cs->line, col_of(cs, cs->p));
            return -1;
        }
        cs->p++;
    }
    const char *stop = cs->p;
    while (stop > start && (is_blank(cs, stop[-1]) || stop[-1] == '\r'))
        stop--;
    fx_buf_put(&r->text, start, (size_t)(stop - start));
    return 0;
}

static int field(Csv *cs, Row *r)
{
    while (cs->p < cs->end && is_blank(cs, *cs->p))
        cs->p++;
    int line = cs->line, col = col_of(cs, cs->p);
    add_cell(r, line, col);
    int rc = cs->p < cs->end && *cs->p == '"' ? quoted_field(cs, r, line, col) : plain_field(cs, r);
    fx_buf_put(&r->text, "", 1);
    return rc;
}

/* Skips blank lines ("", "\r", only spaces). */
static void skip_blank_lines(Csv *cs)
{
    for (;;) {
        const char *q = cs->p;
        while (q < cs->end && (is_blank(cs, *q) || *q == '\r'))
            q++;
        if (q < cs->end && *q == '\n') {
            newline(cs, q);
            cs->p = q + 1;
        } else {
            if (q == cs->end)
                cs->p = q;
            return;
        }
    }
}

/* The next row: 1, 0 at the end of the text, -1 on an error. */
static int next_row(Csv *cs, Row *r)
{
    skip_blank_lines(cs);
    if (cs->p >= cs->end)
        return 0;
    r->n = 0;
    r->text.len = 0;
    r->line = cs->line;
    for (;;) {
        if (field(cs, r))
            return -1;
        if (cs->p < cs->end && *cs->p == cs->sep) {
            cs->p++;
            continue;
        }
        r->end_col = col_of(cs, cs->p);
        if (cs->p < cs->end)
            newline(cs, cs->p++);
        return 1;
    }
}

static void row_free(Row *r)
{
    fx_buf_free(&r->text);
    free(r->cells);
}

/* ---- the table ----------------------------------------------------------- */

typedef struct Label {
    double v;
    int    is_num;
    size_t text;           /* offset in Table.texts */
    int    line, col;
} Label;

typedef struct Table {
    char  **names;         /* header names, or NULL */
    int     ncols, label;
    double *x;             /* rows * (ncols - 1), as read */
    int64_t rows, cap;
    Label  *labels;
    FxBuf   texts;         /* label cells as text, NUL-separated */
} Table;

static void table_free(Table *t)
{
    if (t->names)
        for (int i = 0; i < t->ncols; i++)
            free(t->names[i]);
    free(t->names);
    free(t->x);
    free(t->labels);
    fx_buf_free(&t->texts);
}

/* "column 'x2'" or, without a header, "column 2" (0-based, as label:
 * counts them). */
static const char *column_name(const Table *t, int j, char *buf, size_t n)
{
    if (t->names)
        snprintf(buf, n, "column '%.60s'", t->names[j]);
    else
        snprintf(buf, n, "column %d", j);
    return buf;
}

/* A cell's text for a message: at most 40 bytes, control bytes as '?'. */
static const char *shown(const char *s, char *buf, size_t n)
{
    size_t k = 0;
    for (; s[k] && k + 4 < n && k < 40; k++)
        buf[k] = (unsigned char)s[k] < 32 ? '?' : s[k];
    if (s[k])
        buf[k++] = '.', buf[k++] = '.', buf[k++] = '.';
    buf[k] = '\0';
    return buf;
}

/* 0 and *v for a finite number filling the whole cell; 1 for empty text,
 * 2 for text, 3 for nan or inf. */
static int parse_num(const char *s, double *v)
{
    if (!*s)
        return 1;
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    if (*end)
        return 2;
    if (!isfinite(*v) || !isfinite((float)*v))
        return 3;
    return 0;
}

static int bad_feature(Csv *cs, const Table *t, const Row *r, int j, int why)
{
    char col[96], txt[48];
    const Cell *c = &r->cells[j];
    column_name(t, j, col, sizeof col);
    if (why == 1) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: empty cell (%s)", cs->name, c->line,
                      c->col, col);
        fx_data_hint(cs->e, "every feature needs a value: fill in or drop missing ones");
    } else if (why == 3) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: '%s' is not a finite number (%s)",
                      cs->name, c->line, c->col, shown(cell(r, j), txt, sizeof txt), col);
        fx_data_hint(cs->e, "every feature needs a finite value: fill in or drop missing ones");
    } else {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: '%s' is not a number (%s)", cs->name,
                      c->line, c->col, shown(cell(r, j), txt, sizeof txt), col);
        if (!t->names && t->rows == 0)
            fx_data_hint(cs->e, "is the first row a header? header: true reads it as one");
        else
            fx_data_hint(cs->e, "only the label column may hold text; it is %s (label: picks "
                         "another)", column_name(t, t->label, col, sizeof col));
    }
    return -1;
}

static int add_row(Csv *cs, Table *t, const Row *r)
{
    if (r->n != t->ncols) {
        int line = r->line, col = r->end_col;
        if (r->n > t->ncols) {
            line = r->cells[t->ncols].line;
            col = r->cells[t->ncols].col;
        }
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: this row has %d field%s, %s %d",
                      cs->name, line, col, r->n, r->n == 1 ? "" : "s",
                      t->names ? "the header has" : "the first row has", t->ncols);
        return -1;
    }
    if (t->rows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        double *x = realloc(t->x, (size_t)(t->cap * (t->ncols - 1)) * sizeof *x);
        Label *l = x ? realloc(t->labels, (size_t)t->cap * sizeof *l) : NULL;
        if (x)
            t->x = x;
        if (!l) {
            fx_data_error(cs->e, FX_DATA_AT_CALL, "%s: out of memory after %lld rows", cs->name,
                          (long long)t->rows);
            return -1;
        }
        t->labels = l;
    }
    double *x = t->x + t->rows * (t->ncols - 1);
    for (int j = 0; j < t->ncols; j++) {
        double v = 0;
        int why = parse_num(cell(r, j), &v);
        if (j == t->label) {
            t->labels[t->rows] = (Label){v, why == 0, t->texts.len, r->cells[j].line,
                                          r->cells[j].col};
            fx_buf_put(&t->texts, cell(r, j), strlen(cell(r, j)) + 1);
        } else if (why) {
            return bad_feature(cs, t, r, j, why);
        } else {
            *x++ = v;
        }
    }
    t->rows++;
    return 0;
}

/* ---- the label column -------------------------------------------------------- */

static int find_label(Csv *cs, Table *t, const FxCsvOptions *o)
{
    if (o->label) {
        if (!t->names) {
            fx_data_error(cs->e, FX_DATA_AT_LABEL, "with header: false, label must be a column "
                          "number (0 is the first), not a name");
            return -1;
        }
        for (int j = 0; j < t->ncols; j++)
            if (strcmp(t->names[j], o->label) == 0) {
                t->label = j;
                return 0;
            }
        fx_data_error(cs->e, FX_DATA_AT_LABEL, "%s has no column '%s'", cs->name, o->label);
        const char *s = fx_diag_suggest(o->label, (const char *const *)t->names, t->ncols);
        FxBuf b;
        fx_buf_init(&b);
        for (int j = 0; j < t->ncols && b.len < 200; j++)
            fx_buf_printf(&b, "%s'%s'", j ? ", " : "", t->names[j]);
        if (s)
            fx_data_hint(cs->e, "did you mean '%s'?", s);
        else
            fx_data_hint(cs->e, "its columns are %s", b.s);
        fx_buf_free(&b);
        return -1;
    }
    long long k = o->label_index == FX_CSV_LAST ? t->ncols - 1 : o->label_index;
    if (k < 0)
        k += t->ncols;
    if (k < 0 || k >= t->ncols) {
        fx_data_error(cs->e, FX_DATA_AT_LABEL, "label column %lld is out of range: %s has %d "
                      "columns (0 to %d)", o->label_index, cs->name, t->ncols, t->ncols - 1);
        return -1;
    }
    t->label = (int)k;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Text labels: classes are the distinct texts in sorted order. */
static int text_classes(Csv *cs, const Table *t, const FxCsvOptions *o, FxDataset *d)
{
    const char **all = fx_xmalloc((size_t)t->rows * sizeof *all);
    for (int64_t i = 0; i < t->rows; i++)
        all[i] = t->texts.s + t->labels[i].text;
    qsort(all, (size_t)t->rows, sizeof *all, cmp_str);
    int64_t k = 0;
    for (int64_t i = 0; i < t->rows; i++)
        if (k == 0 || strcmp(all[i], all[k - 1]) != 0)
            all[k++] = all[i];
    int rc = 0;
    if (k > FX_DATA_MAX_CLASSES || (o->classes && k > o->classes)) {
        fx_data_error(cs->e, o->classes ? FX_DATA_AT_CLASSES : FX_DATA_AT_CALL, "%s: the label "
                      "column holds %lld different texts, more than %d classes", cs->name,
                      (long long)k, o->classes ? o->classes : FX_DATA_MAX_CLASSES);
        rc = -1;
    }
    for (int64_t i = 0; rc == 0 && i < t->rows; i++) {
        const char *s = t->texts.s + t->labels[i].text;
        const char **hit = bsearch(&s, all, (size_t)k, sizeof *all, cmp_str);
        d->y[i] = (float)(hit - all);
    }
    d->classes = o->classes ? o->classes : k < 2 ? 2 : (int)k;
    free(all);
    return rc;
}

static int bad_label(Csv *cs, const Table *t, const Label *l, const char *why)
{
    char col[96], txt[48];
    fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d:%d: label '%s' %s (%s)", cs->name, l->line,
                  l->col, shown(t->texts.s + l->text, txt, sizeof txt), why,
                  column_name(t, t->label, col, sizeof col));
    return -1;
}

/* Numeric labels: class indices when forced with classes: or when all are
 * whole numbers from 0 to 999; regression targets otherwise. */
static int numeric_labels(Csv *cs, const Table *t, const FxCsvOptions *o, FxDataset *d)
{
    double top = 0;
    int whole = !o->regression;
    for (int64_t i = 0; i < t->rows; i++) {
        const Label *l = &t->labels[i];
        int w = l->v >= 0 && l->v == floor(l->v) && l->v < 1000;
        if (o->classes && !(l->v >= 0 && l->v == floor(l->v) && l->v < o->classes)) {
            char why[64];
            snprintf(why, sizeof why, "is not a class index below classes: %d", o->classes);
            return bad_label(cs, t, l, why);
        }
        whole = whole && w;
        top = l->v > top ? l->v : top;
        d->y[i] = (float)l->v;
    }
    d->classes = o->classes ? o->classes : whole ? (top + 1 < 2 ? 2 : (int)top + 1) : 0;
    return 0;
}

static int set_targets(Csv *cs, const Table *t, const FxCsvOptions *o, FxDataset *d)
{
    for (int64_t i = 0; i < t->rows; i++) {
        if (t->labels[i].is_num)
            continue;
        if (o->regression)
            return bad_label(cs, t, &t->labels[i], "is not a number, and regression: true needs "
                             "numbers");
        return text_classes(cs, t, o, d);
    }
    return numeric_labels(cs, t, o, d);
}

/* ---- loading --------------------------------------------------------------- */

static int read_header(Csv *cs, Table *t, Row *r, const FxCsvOptions *o)
{
    int got = next_row(cs, r);
    if (got < 0)
        return -1;
    if (got == 0) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s: the file is empty", cs->name);
        return -1;
    }
    t->ncols = r->n;
    if (o->header) {
        t->names = fx_xcalloc((size_t)r->n, sizeof *t->names);
        for (int j = 0; j < r->n; j++)
            t->names[j] = fx_xstrdup(cell(r, j));
    }
    if (t->ncols < 2) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s:%d: one column only; a data set needs "
                      "features and a label", cs->name, r->line);
        if (strchr(cell(r, 0), ';') || strchr(cell(r, 0), '\t') || strchr(cell(r, 0), ' '))
            fx_data_hint(cs->e, "is the separator another? sep: \";\" or sep: \"\\t\"");
        return -1;
    }
    return find_label(cs, t, o);
}

static int read_rows(Csv *cs, Table *t, Row *r, int first_is_data)
{
    if (first_is_data && add_row(cs, t, r))
        return -1;
    int got;
    while ((got = next_row(cs, r)) > 0)
        if (add_row(cs, t, r))
            return -1;
    if (got < 0)
        return -1;
    if (t->rows == 0) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s: a header but no rows of data", cs->name);
        return -1;
    }
    return 0;
}

static FxDataset *build(Csv *cs, const Table *t, const FxCsvOptions *o)
{
    RtError err = fx_data_rt_err(cs->e);
    RtShape s = rt_shape1(t->ncols - 1);
    FxDataset *d = fx_dataset_new(t->rows, &s, 1, 0, &err);
    if (!d) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s: %s", cs->name, err.msg);
        return NULL;
    }
    int64_t count = t->rows * (t->ncols - 1);
    for (int64_t i = 0; i < count; i++)
        d->x[i] = (float)t->x[i];
    if (set_targets(cs, t, o, d)) {
        fx_dataset_free(d);
        return NULL;
    }
    /* The numbers read stay exact as fx values (d.x, d.y), as doubles
     * where float32 would round them; training uses the floats. */
    double *y64 = d->classes ? NULL : malloc((size_t)t->rows * sizeof *y64);
    for (int64_t i = 0; y64 && i < t->rows; i++)
        y64[i] = t->labels[i].v;
    int bad = (!d->classes && !y64) || fx_dataset_keep_exact(d, t->x, y64, &err);
    free(y64);
    if (bad) {
        fx_data_error(cs->e, FX_DATA_AT_CALL, "%s: out of memory", cs->name);
        fx_dataset_free(d);
        return NULL;
    }
    fx_dataset_origin(d, "%s", cs->name);
    return d;
}

FxDataset *fx_csv_parse(const char *text, size_t len, const char *name, const FxCsvOptions *o,
                        FxDataError *e)
{
    Csv cs = {text, text + len, text, 1, o->sep, name, e};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)   /* a UTF-8 byte order mark */
        cs.p = cs.line_start = text + 3;
    Table t = {0};
    Row r = {0};
    fx_buf_init(&r.text);
    fx_buf_init(&t.texts);
    FxDataset *d = NULL;
    if (read_header(&cs, &t, &r, o) == 0 && read_rows(&cs, &t, &r, !o->header) == 0)
        d = build(&cs, &t, o);
    row_free(&r);
    table_free(&t);
    return d;
}

/* The whole file, NUL-terminated, or NULL with errno set (EFBIG: more
 * than `max` bytes). */
static char *read_all(const char *path, int64_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n + 1 < cap || ferror(f))
            break;
        if ((int64_t)cap > max / 2) {
            free(buf);
            buf = NULL;
            errno = EFBIG;
            break;
        }
        char *more = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
        if (!more) {
            free(buf);
            buf = NULL;
            errno = ENOMEM;
            break;
        }
        buf = more;
        cap *= 2;
    }
    int bad = buf && ferror(f);
    int saved = errno;
    fclose(f);
    if (bad) {
        free(buf);
        errno = saved ? saved : EIO;
        return NULL;
    }
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

FxDataset *fx_csv_load(const char *path, const char *name, const FxCsvOptions *o,
                       FxDataError *e)
{
    size_t len = 0;
    errno = 0;
    int64_t max = fx_data_budget(e);
    char *text = read_all(path, max, &len);
    if (!text && errno == EFBIG) {
        char b[32];
        fx_data_error(e, FX_DATA_AT_PATH, "'%s' is larger than the memory budget of %s", name,
                      rt_bytes_text(max, b));
        fx_data_hint(e, "set a larger budget with --max-memory SIZE or FX_MAX_MEMORY");
        return NULL;
    }
    if (!text) {
        fx_data_error(e, FX_DATA_AT_PATH, "cannot read '%s': %s", name,
                      strerror(errno ? errno : EIO));
        return NULL;
    }
    FxDataset *d = fx_csv_parse(text, len, name, o, e);
    free(text);
    return d;
}

/* ---- the builtin --------------------------------------------------------- */

enum { CSV_PATH, CSV_LABEL, CSV_HEADER, CSV_SEP, CSV_CLASSES, CSV_REGRESSION, CSV_SHAPE };

static int given(FxCall *c, int i)
{
    return i < c->n && c->given[i] && c->args[i].type != FX_NONE;
}

char *fx_data_path(FxInterp *I, const char *path)
{
    return fx_path_script(I, path);
}

void fx_data_path_hint(FxInterp *I, const FxDataError *e, const char *path,
                       const char *labels_path)
{
    if (strncmp(e->msg, "cannot read", 11) == 0)
        fx_error_path_hint(I, e->where == FX_DATA_AT_LABELS_PATH && labels_path ? labels_path
                           : path, 0);
}

static int csv_options(FxCall *c, FxCsvOptions *o)
{
    FxStr *sep = NULL;
    memset(o, 0, sizeof *o);
    o->label_index = FX_CSV_LAST;
    o->sep = ',';
    if (fx_arg_bool(c, CSV_HEADER, 1, &o->header) || fx_arg_bool(c, CSV_REGRESSION, 0, &o->regression) ||
        (given(c, CSV_SEP) && fx_arg_str(c, CSV_SEP, &sep)) ||
        (given(c, CSV_CLASSES) && fx_data_classes(c, CSV_CLASSES, 2, &o->classes)))
        return -1;
    if (sep && (sep->len != 1 || sep->s[0] == '"' || sep->s[0] == '\n' || sep->s[0] == '\r'))
        return fx_error(c->I, fx_arg_span(c, CSV_SEP), "load_csv() argument 'sep' must be one "
                        "character (not a quote or a line break), got \"%s\"", sep->s);
    if (sep)
        o->sep = sep->s[0];
    if (o->classes && o->regression)
        return fx_error(c->I, fx_arg_span(c, CSV_CLASSES), "load_csv() takes classes or "
                        "regression: true, not both");
    FxValue l = c->args[CSV_LABEL];
    if (!given(c, CSV_LABEL))
        return 0;
    if (l.type == FX_STR) {
        o->label = fx_as_str(l)->s;
        return 0;
    }
    if (l.type != FX_NUM)
        return fx_error(c->I, fx_arg_span(c, CSV_LABEL), "load_csv() argument 'label' must be a "
                        "column name or number, got %s", fx_type_phrase(l));
    return fx_arg_int(c, CSV_LABEL, &o->label_index);
}

static FxSpan error_span(FxCall *c, FxDataErrWhere w)
{
    int slot = w == FX_DATA_AT_PATH ? CSV_PATH : w == FX_DATA_AT_LABEL ? CSV_LABEL :
               w == FX_DATA_AT_CLASSES ? CSV_CLASSES : -1;
    return slot >= 0 && given(c, slot) ? fx_arg_span(c, slot) : c->node->span;
}

/* shape: gives each row's features a per-sample shape (row-major). */
static int csv_shape(FxCall *c, FxDataset *d, const RtShape *target, const char *name)
{
    RtError e = fx_std_rt_err(c->I);
    int64_t cols = rt_shape_numel(&d->shape);
    if (fx_dataset_reshape(d, target, &e) == 0)
        return 0;
    fx_error(c->I, fx_arg_span(c, CSV_SHAPE), "load_csv() argument 'shape': %s has %lld feature "
             "column%s, and %s", name, (long long)cols, cols == 1 ? "" : "s", e.msg);
    fx_error_hint(c->I, "the label column is not a feature: each row has %lld numbers besides "
                  "its label", (long long)cols);
    return -1;
}

static int b_load_csv(FxCall *c, FxValue *out)
{
    FxStr *path;
    FxCsvOptions o;
    RtShape target = {0};
    if (fx_arg_str(c, CSV_PATH, &path) || csv_options(c, &o) ||
        (given(c, CSV_SHAPE) && fx_data_target_shape(c, CSV_SHAPE, &target)))
        return -1;
    char *full = fx_data_path(c->I, path->s);
    FxDataError e = {.max_bytes = c->I->opt.max_memory};
    FxDataset *d = fx_csv_load(full, path->s, &o, &e);
    if (!d) {
        fx_error(c->I, error_span(c, e.where), "%s", e.msg);
        if (e.hint[0])
            fx_error_hint(c->I, "%s", e.hint);
        fx_data_path_hint(c->I, &e, full, NULL);
        free(full);
        return -1;
    }
    free(full);
    if (target.ndim && csv_shape(c, d, &target, path->s)) {
        fx_dataset_free(d);
        return -1;
    }
    *out = fx_dataset_value(c->I, d);
    return 0;
}

static const FxBuiltin csv_builtins[] = {
    {"load_csv", "path, label=, header=, sep=, classes=, regression=, shape=", b_load_csv,
     "a CSV file as a dataset: numeric columns are features, the label column (a name, a "
     "number, default the last) the target: classes for whole labels 0-999 or text, else "
     "regression; shape: [1, 8, 8] gives each row's features that shape (row-major)"},
};

void fx_data_csv_init(FxInterp *I)
{
    fx_define_builtins(I, csv_builtins, (int)(sizeof csv_builtins / sizeof *csv_builtins));
}
