/* Reading the files `save` and `--out` write back into values keyed by
 * series, metric and step (runs_file.h): JSON lines (one flat object a
 * line: strings, numbers, null) and CSV (a header, then numbers, "nan"
 * and quoted strings). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fx.h"
#include "runs_file.h"

typedef struct Field {
    char  *key;
    char  *str;          /* a string value, or NULL for a number */
    double num;
} Field;

typedef struct Row {
    Field f[64];
    int   n;
} Row;

static void row_free(Row *r)
{
    for (int i = 0; i < r->n; i++) {
        free(r->f[i].key);
        free(r->f[i].str);
    }
    r->n = 0;
}

static void add_value(FxRuns *r, const char *series, const char *metric, double x, double v)
{
    if (r->n == r->cap)
        r->v = fx_xrealloc(r->v, (r->cap = r->cap ? 2 * r->cap : 256) * sizeof *r->v);
    r->v[r->n++] = (FxRunsValue){fx_xstrdup(series), fx_xstrdup(metric), x, v};
}

static int is_x(const char *k)
{
    return !strcmp(k, "epoch") || !strcmp(k, "step") || !strcmp(k, "index");
}

/* A row into values: the fields before its x field name its series. */
static void take_row(FxRuns *r, const Row *row, char **last_series, double *ordinal)
{
    int xi = -1;
    for (int i = 0; i < row->n && xi < 0; i++)
        if (is_x(row->f[i].key) && !row->f[i].str)
            xi = i;
    char series[1024] = "";
    size_t len = 0;
    for (int i = 0; i < row->n; i++) {
        const Field *f = &row->f[i];
        if (xi >= 0 ? i >= xi : !f->str)
            continue;
        char val[64];
        if (!f->str)
            snprintf(val, sizeof val, "%.10g", f->num);
        int shown_key = strcmp(f->key, "run") && strcmp(f->key, "point");
        len += (size_t)snprintf(series + len, len < sizeof series ? sizeof series - len : 0,
                                "%s%s%s%s", len ? ", " : "", shown_key ? f->key : "",
                                shown_key ? "=" : "", f->str ? f->str : val);
        if (len >= sizeof series)
            len = sizeof series - 1;
    }
    double x;
    if (xi >= 0) {
        x = row->f[xi].num;
        r->xname = row->f[xi].key[0] == 'e' ? "epoch" : row->f[xi].key[0] == 's' ? "step" : "index";
    } else {
        if (!*last_series || strcmp(*last_series, series))
            *ordinal = 0;
        x = ++*ordinal;
        r->xname = "row";
    }
    free(*last_series);
    *last_series = fx_xstrdup(series);
    for (int i = xi >= 0 ? xi + 1 : 0; i < row->n; i++)
        if (!row->f[i].str)
            add_value(r, series, row->f[i].key, x, row->f[i].num);
}

/* ---- JSON lines ------------------------------------------------------------ */

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
    return p;
}

static const char *json_string(const char *p, char **out)
{
    if (*p != '"')
        return NULL;
    p++;
    size_t cap = 32, n = 0;
    char *s = fx_xmalloc(cap);
    for (; *p && *p != '"'; p++) {
        char c = *p;
        if (c == '\\') {
            p++;
            c = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'u' ? '?' : *p;
            if (*p == 'u')
                for (int k = 0; k < 4 && p[1]; k++)
                    p++;
            if (!*p)
                break;
        }
        if (n + 2 > cap)
            s = fx_xrealloc(s, cap *= 2);
        s[n++] = c;
    }
    s[n] = '\0';
    if (*p != '"') {
        free(s);
        return NULL;
    }
    *out = s;
    return p + 1;
}

/* One flat object; NULL at what it cannot read. */
static const char *json_row(const char *p, Row *row)
{
    p = skip_ws(p);
    if (*p++ != '{')
        return p - 1;
    for (p = skip_ws(p); *p != '}';) {
        if (row->n == 64)
            return p;
        Field *f = &row->f[row->n];
        memset(f, 0, sizeof *f);
        const char *q = json_string(p, &f->key);
        if (!q)
            return p;
        row->n++;
        p = skip_ws(q);
        if (*p++ != ':')
            return p - 1;
        p = skip_ws(p);
        if (*p == '"') {
            if (!(q = json_string(p, &f->str)))
                return p;
        } else if (!strncmp(p, "null", 4)) {
            f->num = NAN;
            q = p + 4;
        } else if (!strncmp(p, "true", 4) || !strncmp(p, "false", 5)) {
            f->num = *p == 't';
            q = p + (*p == 't' ? 4 : 5);
        } else {
            char *end;
            f->num = strtod(p, &end);
            if (end == p)
                return p;
            q = end;
        }
        p = skip_ws(q);
        if (*p == ',')
            p = skip_ws(p + 1);
        else if (*p != '}')
            return p;
    }
    p = skip_ws(p + 1);
    return *p == '\0' || *p == '\n' ? NULL : p;
}

/* ---- CSV --------------------------------------------------------------------- */

/* The cells of one line into fields named by the header (NULL: read the
 * header itself into names). */
static int csv_cells(const char *p, const char *end, char **names, int nnames, Row *row,
                     char ***hdr, int *nhdr)
{
    int col = 0;
    while (p <= end) {
        size_t cap = 32, n = 0;
        char *s = fx_xmalloc(cap);
        int quoted = *p == '"';
        if (quoted)
            p++;
        for (; p < end; p++) {
            if (quoted && *p == '"') {
                if (p + 1 < end && p[1] == '"') {
                    p++;
                } else {
                    quoted = 0;
                    continue;
                }
            } else if (!quoted && *p == ',') {
                break;
            }
            if (n + 2 > cap)
                s = fx_xrealloc(s, cap *= 2);
            s[n++] = *p;
        }
        s[n] = '\0';
        if (hdr) {
            *hdr = fx_xrealloc(*hdr, (size_t)(*nhdr + 1) * sizeof **hdr);
            (*hdr)[(*nhdr)++] = s;
        } else {
            if (col >= nnames || row->n == 64) {
                free(s);
                return -1;
            }
            Field *f = &row->f[row->n++];
            memset(f, 0, sizeof *f);
            f->key = fx_xstrdup(names[col]);
            char *e;
            double v = strtod(s, &e);
            if (e != s && *e == '\0') {
                f->num = v;
                free(s);
            } else {
                f->str = s;
            }
        }
        col++;
        p++;
    }
    return hdr || col == nnames ? 0 : -1;
}

int fx_runs_parse(FxRuns *r, const char *text, size_t len, int csv, char *err, size_t errn)
{
    memset(r, 0, sizeof *r);
    r->xname = "epoch";
    char **names = NULL, *last = NULL;
    int nnames = 0, lineno = 0, rc = 0;
    double ordinal = 0;
    for (const char *p = text; p < text + len && rc == 0;) {
        const char *eol = memchr(p, '\n', (size_t)(text + len - p));
        if (!eol)
            eol = text + len;
        lineno++;
        Row row = {.n = 0};
        if (eol == p || (eol == p + 1 && *p == '\r')) {
            /* a blank line */
        } else if (!csv) {
            char *line = fx_xstrndup(p, (size_t)(eol - p));
            const char *bad = json_row(line, &row);
            if (bad) {
                snprintf(err, errn, "line %d, column %d: expected a JSON object of names and "
                         "numbers or strings", lineno, (int)(bad - line) + 1);
                rc = -1;
            } else {
                take_row(r, &row, &last, &ordinal);
            }
            free(line);
        } else if (!names) {
            csv_cells(p, eol, NULL, 0, NULL, &names, &nnames);
        } else if (csv_cells(p, eol, names, nnames, &row, NULL, NULL) != 0) {
            snprintf(err, errn, "line %d: expected %d cells as in the header", lineno, nnames);
            rc = -1;
        } else {
            take_row(r, &row, &last, &ordinal);
        }
        row_free(&row);
        p = eol + 1;
    }
    for (int i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    free(last);
    if (rc)
        fx_runs_free(r);
    return rc;
}

int fx_runs_read(FxRuns *r, const char *path, char *err, size_t errn)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errn, "cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *text = fx_xmalloc(cap);
    while ((got = fread(text + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap)
            text = fx_xrealloc(text, cap *= 2);
    fclose(f);
    size_t pl = strlen(path);
    int csv = pl > 4 && !strcmp(path + pl - 4, ".csv");
    char msg[256];
    int rc = fx_runs_parse(r, text, n, csv, msg, sizeof msg);
    if (rc)
        snprintf(err, errn, "'%s', %s", path, msg);
    free(text);
    return rc;
}

void fx_runs_free(FxRuns *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].series);
        free(r->v[i].metric);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}
