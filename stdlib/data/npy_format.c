/* The NPY format as numpy.lib.format writes it: the magic "\x93NUMPY", a
 * major and minor version byte, the header's length (2 bytes little-endian
 * in 1.0, 4 in 2.0 and 3.0), then the header, a Python dict literal
 *     {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
 * padded with spaces and a newline, then the raw data. The parser reads
 * exactly that grammar (keys in any order, either quote, a trailing comma,
 * Python 2's 1L), checks every size against the bytes there are and for
 * overflow, and names the byte of the header at fault. Also the dtype
 * conversions to C-order floats and the header writer. Knows nothing of
 * calls or values. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "npy.h"

/* ---- the header dict ------------------------------------------------------- */

typedef struct Hdr {
    const unsigned char *p, *start, *end;
    size_t        base;           /* where the header starts in the file */
    const char   *name;
    FxDataErrWhere where;
    FxDataError  *e;
} Hdr;

/* What is at p, for a message: 'x', end of header, or a byte's code. */
static const char *found(const Hdr *r, char *buf, size_t n)
{
    if (r->p >= r->end)
        snprintf(buf, n, "the end of the header");
    else if (*r->p == '\'')
        snprintf(buf, n, "\"'\"");
    else if (*r->p >= 32 && *r->p < 127)
        snprintf(buf, n, "'%c'", *r->p);
    else
        snprintf(buf, n, "byte 0x%02x", *r->p);
    return buf;
}

/* A header error at r->p: "expected ..." adds what was found there. */
static int bad(Hdr *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int bad(Hdr *r, const char *fmt, ...)
{
    char f[32], msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int expected = strncmp(msg, "expected", 8) == 0;
    fx_data_error(r->e, r->where, "'%s' is not a valid NPY file: its header, at byte %zu: %s%s%s",
                  r->name, r->base + (size_t)(r->p - r->start), msg, expected ? ", found " : "",
                  expected ? found(r, f, sizeof f) : "");
    return -1;
}

static void blanks(Hdr *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static int expect(Hdr *r, char ch, const char *what)
{
    blanks(r);
    if (r->p < r->end && *r->p == ch) {
        r->p++;
        return 0;
    }
    return bad(r, "expected %s", what);
}

/* A quoted string ('...' or "...", no escapes, as numpy writes) into buf. */
static int string(Hdr *r, char *buf, size_t n, const char *what)
{
    blanks(r);
    if (r->p >= r->end || (*r->p != '\'' && *r->p != '"'))
        return bad(r, "expected %s, a quoted string", what);
    const unsigned char *open = r->p;
    unsigned char q = *r->p++;
    size_t k = 0;
    while (r->p < r->end && *r->p != q && *r->p != '\n') {
        if (*r->p == '\\' || *r->p < 32)
            return bad(r, "%s holds an escape or a control byte", what);
        if (k + 1 < n)
            buf[k++] = (char)*r->p;
        r->p++;
    }
    if (r->p >= r->end || *r->p != q) {
        r->p = open;
        return bad(r, "%s: the string is not closed", what);
    }
    buf[k] = '\0';
    if ((size_t)(r->p - open) > n) {
        r->p = open;
        return bad(r, "%s is too long (%.12s...)", what, buf);
    }
    r->p++;
    return 0;
}

static int word(Hdr *r, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(r->end - r->p) >= n && memcmp(r->p, w, n) == 0) {
        const unsigned char *after = r->p + n;
        if (after == r->end || !((*after >= 'a' && *after <= 'z') ||
                                 (*after >= 'A' && *after <= 'Z') || *after == '_' ||
                                 (*after >= '0' && *after <= '9'))) {
            r->p = after;
            return 1;
        }
    }
    return 0;
}

/* ---- dtypes ----------------------------------------------------------------- */

static int dtype(Hdr *r, const char *d, FxNpy *h)
{
    char kind = 0;
    int size = 0;
    int order = d[0];
    if (order == '<' || order == '>' || order == '|' || order == '=')
        d++;
    else
        order = 0;
    if (d[0] && d[1] >= '1' && d[1] <= '9' && d[2] == '\0') {
        kind = d[0];
        size = d[1] - '0';
    } else if (d[0] == '?' && d[1] == '\0') {
        kind = 'b', size = 1;
    }
    int ok = (kind == 'f' && (size == 2 || size == 4 || size == 8)) ||
             ((kind == 'i' || kind == 'u') && (size == 1 || size == 2 || size == 4 || size == 8)) ||
             (kind == 'b' && size == 1);
    if (!ok) {
        const char *why = kind == 'c' ? " (complex numbers)" : kind == 'O' ? " (Python objects, "
                          "which need pickle)" : kind == 'U' || kind == 'S' ? " (text)" :
                          kind == 'M' || kind == 'm' ? " (dates and times)" :
                          kind == 'f' ? " (only float16, float32 and float64)" : "";
        fx_data_error(r->e, r->where, "'%s' holds dtype '%s'%s; fx reads bool, float16, float32, "
                      "float64 and the integer dtypes (int8 to int64, uint8 to uint64)", r->name,
                      h->descr, why);
        return -1;
    }
    if (size > 1 && order != '<' && order != '>') {
        fx_data_error(r->e, r->where, "'%s' holds dtype '%s', which gives no byte order; numpy "
                      "writes '<%c%d' or '>%c%d'", r->name, h->descr, kind, size, kind, size);
        return -1;
    }
    h->kind = kind;
    h->size = size;
    h->big = order == '>';
    return 0;
}

static int descr_value(Hdr *r, FxNpy *h)
{
    blanks(r);
    if (r->p < r->end && *r->p == '[') {
        fx_data_error(r->e, r->where, "'%s' holds a structured array (a dtype with fields); fx "
                      "reads arrays of numbers only", r->name);
        fx_data_hint(r->e, "save each field as an array of its own: np.save(f, a['x'])");
        return -1;
    }
    if (string(r, h->descr, sizeof h->descr, "the value of 'descr'"))
        return -1;
    return dtype(r, h->descr, h);
}

static int bool_value(Hdr *r, FxNpy *h)
{
    blanks(r);
    if (word(r, "True"))
        h->fortran = 1;
    else if (word(r, "False"))
        h->fortran = 0;
    else
        return bad(r, "expected True or False as the value of 'fortran_order'");
    return 0;
}

static int shape_value(Hdr *r, FxNpy *h)
{
    if (expect(r, '(', "'(' to open the value of 'shape', a tuple"))
        return -1;
    h->ndim = 0;
    for (;;) {
        blanks(r);
        if (r->p < r->end && *r->p == ')') {
            r->p++;
            return 0;
        }
        if (r->p >= r->end || *r->p < '0' || *r->p > '9')
            return bad(r, "expected a size (a whole number of 0 or more) or ')' in 'shape'");
        if (h->ndim == RT_MAX_DIMS)
            return bad(r, "expected ')' after at most %d sizes in 'shape'", RT_MAX_DIMS);
        int64_t v = 0;
        while (r->p < r->end && *r->p >= '0' && *r->p <= '9') {
            int dgt = *r->p - '0';
            if (v > (INT64_MAX - dgt) / 10)
                return bad(r, "a size in 'shape' does not fit in 64 bits");
            v = v * 10 + dgt;
            r->p++;
        }
        if (r->p < r->end && (*r->p == 'L' || *r->p == 'l'))   /* Python 2's long */
            r->p++;
        h->dims[h->ndim++] = v;
        blanks(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == ')')
            continue;
        return bad(r, "expected ',' or ')' after a size in 'shape'");
    }
}

/* The dict: each of the three keys once, nothing after it but blanks. */
static int dict(Hdr *r, FxNpy *h)
{
    static const char *const keys[] = {"descr", "fortran_order", "shape"};
    int seen[3] = {0, 0, 0};
    if (expect(r, '{', "'{' to open the header's dict"))
        return -1;
    for (;;) {
        blanks(r);
        if (r->p < r->end && *r->p == '}') {
            r->p++;
            break;
        }
        char key[32];
        const unsigned char *at = r->p;
        if (string(r, key, sizeof key, "a key ('descr', 'fortran_order' or 'shape')"))
            return -1;
        int k = 0;
        while (k < 3 && strcmp(key, keys[k]) != 0)
            k++;
        if (k == 3 || seen[k]) {
            r->p = at;
            if (k == 3)
                return bad(r, "the key '%s' is not one of 'descr', 'fortran_order' and 'shape'",
                           key);
            return bad(r, "the key '%s' a second time", key);
        }
        seen[k] = 1;
        if (expect(r, ':', "':' after a key"))
            return -1;
        int rc = k == 0 ? descr_value(r, h) : k == 1 ? bool_value(r, h) : shape_value(r, h);
        if (rc)
            return -1;
        blanks(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == '}')
            continue;
        return bad(r, "expected ',' or '}' after the value of '%s'", key);
    }
    for (int k = 0; k < 3; k++)
        if (!seen[k])
            return bad(r, "the key '%s' is missing, before the end of the dict", keys[k]);
    blanks(r);
    if (r->p < r->end)
        return bad(r, "expected only blanks after the header's dict");
    return 0;
}

/* ---- the file ---------------------------------------------------------------- */

static int preamble(const unsigned char *b, size_t len, const char *name, FxDataErrWhere where,
                    FxNpy *h, size_t *hlen, FxDataError *e)
{
    static const unsigned char magic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
    size_t m = len < 6 ? len : 6;
    if (len < 8 || memcmp(b, magic, 6) != 0) {
        if (len == 0)
            fx_data_error(e, where, "'%s' is empty, not an NPY file", name);
        else if (memcmp(b, magic, m) == 0)
            fx_data_error(e, where, "'%s' is truncated: %zu bytes, too short for an NPY "
                          "header", name, len);
        else
            fx_data_error(e, where, "'%s' is not an NPY file: it does not start with "
                          "\\x93NUMPY", name);
        if (len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
            fx_data_hint(e, "it is a zip archive: an .npz file is read with load_npz");
        else if (len && memcmp(b, magic, m) != 0)
            fx_data_hint(e, "an NPY file is what numpy.save writes");
        return -1;
    }
    h->major = b[6];
    h->minor = b[7];
    if (h->major < 1 || h->major > 3 || h->minor != 0) {
        fx_data_error(e, where, "'%s' is NPY format version %d.%d; fx reads 1.0, 2.0 and 3.0",
                      name, h->major, h->minor);
        return -1;
    }
    size_t at = h->major == 1 ? 10 : 12;
    if (len < at) {
        fx_data_error(e, where, "'%s' is truncated: %zu bytes, too short for an NPY %d.0 "
                      "header", name, len, h->major);
        return -1;
    }
    uint64_t n = h->major == 1 ? (uint64_t)b[8] | (uint64_t)b[9] << 8
               : (uint64_t)b[8] | (uint64_t)b[9] << 8 | (uint64_t)b[10] << 16 |
                 (uint64_t)b[11] << 24;
    if (n > FX_NPY_MAX_HEADER) {
        fx_data_error(e, where, "'%s' gives its header a length of %llu bytes, more than "
                      "the %d fx reads", name, (unsigned long long)n, FX_NPY_MAX_HEADER);
        return -1;
    }
    if (n > len - at) {
        fx_data_error(e, where, "'%s' is truncated: its header of %llu bytes ends after %zu",
                      name, (unsigned long long)n, len - at);
        return -1;
    }
    *hlen = (size_t)n;
    h->data_at = at + (size_t)n;
    return 0;
}

/* Version 1.0 and 2.0 headers are latin-1; 3.0's are UTF-8. A NUL byte is
 * refused in both (it would cut the text short in messages). */
static int header_bytes(Hdr *r)
{
    for (const unsigned char *q = r->start; q < r->end; q++)
        if (*q == 0) {
            r->p = q;
            return bad(r, "a NUL byte; a header is text");
        }
    return 0;
}

static int sizes(const char *name, FxDataErrWhere where, size_t len, FxNpy *h, FxDataError *e)
{
    int64_t count = 1;
    for (int k = 0; k < h->ndim; k++)
        if (__builtin_mul_overflow(count, h->dims[k], &count)) {
            char sb[RT_SHAPE_STR_SIZE];
            RtShape s = rt_shape(h->ndim, h->dims);
            fx_data_error(e, where, "'%s' has shape %s, more elements than fit in 64 bits",
                          name, rt_shape_str(&s, sb, sizeof sb));
            return -1;
        }
    int64_t bytes;
    if (__builtin_mul_overflow(count, (int64_t)h->size, &bytes)) {
        fx_data_error(e, where, "'%s' holds %lld elements of %d bytes, more than fit in 64 bits",
                      name, (long long)count, h->size);
        return -1;
    }
    h->count = count;
    size_t have = len - h->data_at;
    if ((uint64_t)bytes > (uint64_t)have) {
        fx_data_error(e, where, "'%s' is truncated: its data end after %zu of the %lld bytes "
                      "its header promises", name, have, (long long)bytes);
        return -1;
    }
    return 0;
}

int fx_npy_parse(const unsigned char *b, size_t len, const char *name, FxDataErrWhere where,
                 FxNpy *h, FxDataError *e)
{
    size_t hlen;
    memset(h, 0, sizeof *h);
    if (preamble(b, len, name, where, h, &hlen, e))
        return -1;
    const unsigned char *start = b + (h->major == 1 ? 10 : 12);
    Hdr r = {start, start, start + hlen, (size_t)(start - b), name, where, e};
    if (header_bytes(&r) || dict(&r, h))
        return -1;
    return sizes(name, where, len, h, e);
}

/* ---- converting the data --------------------------------------------------- */

static uint64_t raw(const unsigned char *p, int size, int big)
{
    uint64_t v = 0;
    for (int k = 0; k < size; k++)
        v |= (uint64_t)p[big ? size - 1 - k : k] << (8 * k);
    return v;
}

/* IEEE half to double, exactly (subnormals, infinities and NaN too). */
static double half(uint64_t v)
{
    int s = (int)(v >> 15) & 1, x = (int)(v >> 10) & 31, m = (int)(v & 1023);
    double r = x == 0 ? ldexp(m, -24) : x == 31 ? (m ? NAN : INFINITY) : ldexp(m + 1024, x - 25);
    return s ? -r : r;
}

static double element(const FxNpy *h, const unsigned char *p)
{
    uint64_t v = raw(p, h->size, h->big);
    switch (h->kind) {
    case 'b': return v != 0;
    case 'u': return (double)v;
    case 'i': {
        int bits = 8 * h->size;
        int64_t s = bits == 64 ? (int64_t)v
                  : (v >> (bits - 1)) & 1 ? (int64_t)(v | ~((UINT64_C(1) << bits) - 1)) : (int64_t)v;
        return (double)s;
    }
    default:
        if (h->size == 2)
            return half(v);
        if (h->size == 4) {
            uint32_t u = (uint32_t)v;
            float f;
            memcpy(&f, &u, sizeof f);
            return f;
        }
        double d;
        memcpy(&d, &v, sizeof d);
        return d;
    }
}

/* The storage index of each C-order index, for Fortran order: the
 * odometer walks C order while the offset follows column-major strides. */
typedef struct Walk {
    int     nd;
    int64_t idx[RT_MAX_DIMS], stride[RT_MAX_DIMS];
    const int64_t *dims;
    int64_t off;
} Walk;

static void walk_init(Walk *w, const FxNpy *h)
{
    memset(w, 0, sizeof *w);
    w->nd = h->ndim;
    w->dims = h->dims;
    int64_t s = 1;
    for (int k = 0; k < h->ndim; k++) {
        w->stride[k] = s;
        s *= h->dims[k];
    }
}

static void walk_next(Walk *w)
{
    for (int k = w->nd - 1; k >= 0; k--) {
        w->off += w->stride[k];
        if (++w->idx[k] < w->dims[k])
            return;
        w->off -= w->stride[k] * w->dims[k];
        w->idx[k] = 0;
    }
}

void fx_npy_to_floats(const FxNpy *h, const unsigned char *data, float *out)
{
    const uint16_t one = 1;
    int little = *(const unsigned char *)&one == 1;
    if (h->kind == 'f' && h->size == 4 && !h->big && !h->fortran && little) {
        memcpy(out, data, (size_t)h->count * sizeof *out);
        return;
    }
    Walk w;
    walk_init(&w, h);
    for (int64_t i = 0; i < h->count; i++) {
        int64_t at = h->fortran ? w.off : i;
        out[i] = (float)element(h, data + at * h->size);
        if (h->fortran)
            walk_next(&w);
    }
}

void fx_npy_to_doubles(const FxNpy *h, const unsigned char *data, double *out)
{
    Walk w;
    walk_init(&w, h);
    for (int64_t i = 0; i < h->count; i++) {
        int64_t at = h->fortran ? w.off : i;
        out[i] = element(h, data + at * h->size);
        if (h->fortran)
            walk_next(&w);
    }
}

/* ---- writing ------------------------------------------------------------------ */

void fx_npy_write_header(FxBuf *b, const char *descr, int ndim, const int64_t *dims)
{
    FxBuf d;
    fx_buf_init(&d);
    fx_buf_printf(&d, "{'descr': '%s', 'fortran_order': False, 'shape': (", descr);
    for (int k = 0; k < ndim; k++)
        fx_buf_printf(&d, "%s%lld", k ? ", " : "", (long long)dims[k]);
    fx_buf_puts(&d, ndim == 1 ? ",), }" : "), }");
    size_t total = 10 + d.len + 1;
    while (total % 64) {
        fx_buf_puts(&d, " ");
        total++;
    }
    fx_buf_puts(&d, "\n");
    unsigned char pre[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                             (unsigned char)(d.len & 255), (unsigned char)(d.len >> 8)};
    fx_buf_put(b, (const char *)pre, sizeof pre);
    fx_buf_put(b, d.s, d.len);
    fx_buf_free(&d);
}
