/* Weight files in the safetensors format (Hugging Face's; PyTorch reads it
 * with safetensors.torch.load_file): an 8-byte little-endian header length
 * N, N bytes of JSON naming each tensor's dtype, shape and byte range
 * (plus a "__metadata__" map of strings), padded with spaces to a multiple
 * of 8, then the raw little-endian data. The writer builds the JSON by
 * hand; the reader is a small strict parser for exactly that schema which
 * treats every file as hostile: sizes are checked against the file before
 * anything is allocated or read, and a malformed header is RT_ERR_FORMAT
 * naming the byte where it goes wrong. Knows nothing of the fx language. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "rt_train_internal.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define RT_BIG_ENDIAN 1
#else
#define RT_BIG_ENDIAN 0
#endif

static const struct { const char *name; int size; } DTYPES[] = {
    {"BOOL", 1}, {"U8", 1}, {"I8", 1}, {"F8_E5M2", 1}, {"F8_E4M3", 1},
    {"I16", 2}, {"U16", 2}, {"F16", 2}, {"BF16", 2}, {"I32", 4}, {"U32", 4},
    {"F32", 4}, {"F64", 8}, {"I64", 8}, {"U64", 8}};

/* ---- the header parser -------------------------------------------------- */

typedef struct Parser {
    char       *s, *p, *end;   /* the header; p is the read position */
    const char *path;
    RtError    *err;
    uint64_t    data_size;
    RtStEntry  *e;
    int64_t     n, cap;
    int         have_meta;
} Parser;

/* A syntax error at the read position (a byte offset in the file). */
static int fail(Parser *P, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int fail(Parser *P, const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rt_error_set(P->err, RT_ERR_FORMAT, "%s: bad safetensors header at byte "
                 "%lld: %s", P->path, (long long)(8 + (P->p - P->s)), msg);
    return -1;
}

static void skip_ws(Parser *P)
{
    while (P->p < P->end && (*P->p == ' ' || *P->p == '\t' || *P->p == '\n' ||
                             *P->p == '\r'))
        P->p++;
}

static int expect(Parser *P, char c, const char *after)
{
    skip_ws(P);
    if (P->p >= P->end || *P->p != c)
        return fail(P, "expected '%c' %s", c, after);
    P->p++;
    skip_ws(P);
    return 0;
}

/* Length of the valid UTF-8 sequence at p (RFC 3629: no overlong forms, no
 * surrogates, at most U+10FFFF), or 0. */
static int utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    int k;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (end - p < k || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < k; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return k;
}

static char *put_utf8(char *w, unsigned long cp)
{
    if (cp < 0x80) {
        *w++ = (char)cp;
    } else if (cp < 0x800) {
        *w++ = (char)(0xC0 | cp >> 6);
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = (char)(0xE0 | cp >> 12);
        *w++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *w++ = (char)(0xF0 | cp >> 18);
        *w++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *w++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    }
    return w;
}

/* Four hex digits after "\u" at P->p; advances past them. */
static int hex4(Parser *P, unsigned long *cp)
{
    *cp = 0;
    if (P->end - P->p < 4)
        return fail(P, "truncated \\u escape");
    for (int i = 0; i < 4; i++, P->p++) {
        char c = *P->p;
        int v = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0)
            return fail(P, "bad hex digit in a \\u escape");
        *cp = *cp << 4 | (unsigned long)v;
    }
    return 0;
}

/* The escape at P->p (a backslash), decoded to *w. Every escape takes at
 * least as many bytes as its UTF-8 form, so decoding in place is safe. */
static int unescape(Parser *P, char **w)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    P->p++;
    if (P->p >= P->end)
        return fail(P, "unterminated string");
    const char *k = *P->p ? strchr(from, *P->p) : NULL;
    if (k) {
        *(*w)++ = to[k - from];
        P->p++;
        return 0;
    }
    if (*P->p != 'u')
        return fail(P, "bad escape '\\%c' in a string", *P->p);
    P->p++;
    unsigned long cp, lo;
    if (hex4(P, &cp) < 0)
        return -1;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return fail(P, "lone low surrogate in a \\u escape");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (P->end - P->p < 2 || P->p[0] != '\\' || P->p[1] != 'u')
            return fail(P, "high surrogate without its low half");
        P->p += 2;
        if (hex4(P, &lo) < 0)
            return -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return fail(P, "high surrogate without its low half");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (cp == 0)
        return fail(P, "\\u0000 in a string");
    *w = put_utf8(*w, cp);
    return 0;
}

/* A JSON string at P->p, unescaped in place and NUL-terminated; *out (if
 * not NULL) points at it. */
static int parse_string(Parser *P, char **out)
{
    if (P->p >= P->end || *P->p != '"')
        return fail(P, "expected a string");
    char *start = ++P->p, *w = start;
    for (;;) {
        if (P->p >= P->end)
            return fail(P, "unterminated string");
        unsigned char c = (unsigned char)*P->p;
        if (c == '"')
            break;
        if (c < 0x20)
            return fail(P, "control character 0x%02x in a string", c);
        if (c == '\\') {
            if (unescape(P, &w) < 0)
                return -1;
        } else if (c >= 0x80) {
            int k = utf8_len((const unsigned char *)P->p,
                             (const unsigned char *)P->end);
            if (!k)
                return fail(P, "invalid UTF-8 in a string");
            memmove(w, P->p, (size_t)k);
            w += k;
            P->p += k;
        } else {
            *w++ = *P->p++;
        }
    }
    *w = '\0';      /* w <= P->p, the closing quote, already read */
    P->p++;
    if (out)
        *out = start;
    return 0;
}

/* A non-negative JSON integer below 2^63. */
static int parse_uint(Parser *P, uint64_t *v)
{
    if (P->p >= P->end || *P->p < '0' || *P->p > '9')
        return fail(P, "expected a non-negative integer");
    if (*P->p == '0' && P->end - P->p > 1 && P->p[1] >= '0' && P->p[1] <= '9')
        return fail(P, "leading zero in a number");
    *v = 0;
    while (P->p < P->end && *P->p >= '0' && *P->p <= '9') {
        uint64_t d = (uint64_t)(*P->p - '0');
        if (*v > ((uint64_t)INT64_MAX - d) / 10)
            return fail(P, "number too large");
        *v = *v * 10 + d;
        P->p++;
    }
    if (P->p < P->end && (*P->p == '.' || *P->p == 'e' || *P->p == 'E'))
        return fail(P, "expected an integer");
    return 0;
}

/* [u, u, ...] with at most `max` values. */
static int parse_uints(Parser *P, uint64_t *v, int max, int *count,
                       const char *what)
{
    *count = 0;
    if (expect(P, '[', "to open a list") < 0)
        return -1;
    if (P->p < P->end && *P->p == ']') {
        P->p++;
        return 0;
    }
    for (;;) {
        if (*count == max)
            return fail(P, "%s has more than %d values", what, max);
        if (parse_uint(P, &v[(*count)++]) < 0)
            return -1;
        skip_ws(P);
        if (P->p < P->end && *P->p == ']') {
            P->p++;
            return 0;
        }
        if (expect(P, ',', "or ']' in a list of integers") < 0)
            return -1;
    }
}

static int parse_metadata(Parser *P)
{
    if (P->have_meta++)
        return fail(P, "__metadata__ appears twice");
    if (expect(P, '{', "to open __metadata__") < 0)
        return -1;
    if (P->p < P->end && *P->p == '}') {
        P->p++;
        return 0;
    }
    for (;;) {
        if (parse_string(P, NULL) < 0 || expect(P, ':', "after a key") < 0)
            return -1;
        if (P->p >= P->end || *P->p != '"')
            return fail(P, "__metadata__ values must be strings");
        if (parse_string(P, NULL) < 0)
            return -1;
        skip_ws(P);
        if (P->p < P->end && *P->p == '}') {
            P->p++;
            return 0;
        }
        if (expect(P, ',', "or '}' in __metadata__") < 0)
            return -1;
    }
}

static int set_dtype(Parser *P, RtStEntry *e, const char *name)
{
    for (size_t i = 0; i < sizeof DTYPES / sizeof *DTYPES; i++)
        if (strcmp(DTYPES[i].name, name) == 0) {
            e->dtype = DTYPES[i].name;
            e->elem = DTYPES[i].size;
            return 0;
        }
    return fail(P, "tensor '%s' has unknown dtype '%.40s'", e->name, name);
}

/* Element count and byte size agree with the range, inside the data. */
static int check_entry(Parser *P, RtStEntry *e, const uint64_t off[2])
{
    int64_t count = 1;
    for (int i = 0; i < e->ndim; i++)
        if (__builtin_mul_overflow(count, e->dim[i], &count))
            return fail(P, "tensor '%s': shape too large", e->name);
    uint64_t bytes;
    if (__builtin_mul_overflow((uint64_t)count, (uint64_t)e->elem, &bytes))
        return fail(P, "tensor '%s': shape too large", e->name);
    e->count = count;
    e->begin = off[0];
    e->end = off[1];
    if (off[0] > off[1] || off[1] > P->data_size)
        return fail(P, "tensor '%s': data_offsets [%llu, %llu] outside the "
                    "%llu data bytes", e->name, (unsigned long long)off[0],
                    (unsigned long long)off[1],
                    (unsigned long long)P->data_size);
    if (off[1] - off[0] != bytes)
        return fail(P, "tensor '%s': data_offsets span %llu bytes, its shape "
                    "and dtype need %llu", e->name,
                    (unsigned long long)(off[1] - off[0]),
                    (unsigned long long)bytes);
    return 0;
}

/* One field of a tensor's entry; have[] counts dtype, shape, offsets. */
static int parse_field(Parser *P, RtStEntry *e, int have[3],
                       uint64_t dims[RT_MAX_DIMS], uint64_t off[2])
{
    char *key, *dtype;
    int count;
    if (parse_string(P, &key) < 0 || expect(P, ':', "after a key") < 0)
        return -1;
    int k = strcmp(key, "dtype") == 0 ? 0
          : strcmp(key, "shape") == 0 ? 1
          : strcmp(key, "data_offsets") == 0 ? 2 : -1;
    if (k < 0)
        return fail(P, "tensor '%s' has an unknown field '%.40s'", e->name,
                    key);
    if (have[k]++)
        return fail(P, "tensor '%s' has '%s' twice", e->name, key);
    if (k == 0)
        return parse_string(P, &dtype) < 0 ? -1 : set_dtype(P, e, dtype);
    if (k == 1)
        return parse_uints(P, dims, RT_MAX_DIMS, &e->ndim, "shape");
    if (parse_uints(P, off, 2, &count, "data_offsets") < 0)
        return -1;
    return count == 2 ? 0 : fail(P, "tensor '%s': data_offsets needs 2 "
                                 "values", e->name);
}

/* One tensor's {"dtype": ..., "shape": [...], "data_offsets": [b, e]}. */
static int parse_entry(Parser *P, RtStEntry *e)
{
    int have[3] = {0, 0, 0};
    uint64_t dims[RT_MAX_DIMS], off[2] = {0, 0};
    if (expect(P, '{', "to open a tensor's entry") < 0)
        return -1;
    int empty = P->p < P->end && *P->p == '}';
    while (!empty) {
        if (parse_field(P, e, have, dims, off) < 0)
            return -1;
        skip_ws(P);
        if (P->p < P->end && *P->p == '}')
            break;
        if (expect(P, ',', "or '}' in a tensor's entry") < 0)
            return -1;
    }
    if (!have[0] || !have[1] || !have[2])
        return fail(P, "tensor '%s' lacks %s", e->name,
                    !have[0] ? "a dtype" : !have[1] ? "a shape"
                                                    : "data_offsets");
    for (int i = 0; i < e->ndim; i++)
        e->dim[i] = (int64_t)dims[i];
    if (check_entry(P, e, off) < 0)
        return -1;
    P->p++;
    return 0;
}

static RtStEntry *new_entry(Parser *P)
{
    if (P->n == P->cap) {
        int64_t cap = P->cap ? 2 * P->cap : 16;
        RtStEntry *e = rt_alloc(cap, sizeof *e, "safetensors entries", P->err);
        if (!e)
            return NULL;
        if (P->n)
            memcpy(e, P->e, (size_t)P->n * sizeof *e);
        rt_free(P->e);
        P->e = e;
        P->cap = cap;
    }
    RtStEntry *e = &P->e[P->n++];
    memset(e, 0, sizeof *e);
    return e;
}

static int parse_top(Parser *P)
{
    if (expect(P, '{', "at the start of the header") < 0)
        return -1;
    if (P->p < P->end && *P->p == '}') {
        P->p++;
        return 0;
    }
    for (;;) {
        char *name;
        if (parse_string(P, &name) < 0 || expect(P, ':', "after a key") < 0)
            return -1;
        if (strcmp(name, "__metadata__") == 0) {
            if (parse_metadata(P) < 0)
                return -1;
        } else {
            RtStEntry *e = new_entry(P);
            if (!e)
                return -1;
            e->name = name;
            if (parse_entry(P, e) < 0)
                return -1;
        }
        skip_ws(P);
        if (P->p < P->end && *P->p == '}') {
            P->p++;
            return 0;
        }
        if (expect(P, ',', "or '}' after a tensor") < 0)
            return -1;
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(const RtStEntry *const *)a)->name,
                  (*(const RtStEntry *const *)b)->name);
}

static int by_begin(const void *a, const void *b)
{
    const RtStEntry *x = *(const RtStEntry *const *)a;
    const RtStEntry *y = *(const RtStEntry *const *)b;
    return x->begin != y->begin ? (x->begin < y->begin ? -1 : 1)
         : x->end != y->end ? (x->end < y->end ? -1 : 1) : 0;
}

/* No duplicate names; the ranges tile the data section exactly (the
 * format forbids holes and overlaps). */
static int check_layout(Parser *P)
{
    if (P->n == 0) {
        if (P->data_size == 0)
            return 0;
        rt_error_set(P->err, RT_ERR_FORMAT, "%s: bad safetensors file: %llu "
                     "data bytes but no tensors", P->path,
                     (unsigned long long)P->data_size);
        return -1;
    }
    RtStEntry **s = rt_alloc(P->n, sizeof *s, "safetensors check", P->err);
    if (!s)
        return -1;
    int rc = 0;
    for (int64_t i = 0; i < P->n; i++)
        s[i] = &P->e[i];
    qsort(s, (size_t)P->n, sizeof *s, by_name);
    for (int64_t i = 1; i < P->n && rc == 0; i++)
        if (strcmp(s[i - 1]->name, s[i]->name) == 0) {
            rt_error_set(P->err, RT_ERR_FORMAT, "%s: bad safetensors header: "
                         "tensor '%s' appears twice", P->path, s[i]->name);
            rc = -1;
        }
    qsort(s, (size_t)P->n, sizeof *s, by_begin);
    uint64_t at = 0;
    for (int64_t i = 0; i < P->n && rc == 0; i++) {
        if (s[i]->begin != at) {
            rt_error_set(P->err, RT_ERR_FORMAT, "%s: bad safetensors file: "
                         "tensor '%s' starts at data byte %llu, %s at %llu",
                         P->path, s[i]->name, (unsigned long long)s[i]->begin,
                         s[i]->begin < at ? "overlapping the tensor ending"
                                          : "leaving a hole from",
                         (unsigned long long)at);
            rc = -1;
        }
        at = s[i]->end;
    }
    if (rc == 0 && at != P->data_size) {
        rt_error_set(P->err, RT_ERR_FORMAT, "%s: bad safetensors file: %llu "
                     "bytes after the last tensor belong to none",
                     P->path, (unsigned long long)(P->data_size - at));
        rc = -1;
    }
    rt_free(s);
    return rc;
}

int rt_st_parse(char *hdr, uint64_t len, uint64_t data_size, const char *path,
                RtStEntry **entries, int64_t *n, RtError *err)
{
    Parser P = {.s = hdr, .p = hdr, .end = hdr + len, .path = path,
                .err = err, .data_size = data_size};
    *entries = NULL;
    *n = 0;
    int rc = parse_top(&P);
    if (rc == 0) {
        skip_ws(&P);     /* the writer pads with spaces */
        if (P.p != P.end)
            rc = fail(&P, "text after the header's closing '}'");
    }
    if (rc == 0)
        rc = check_layout(&P);
    if (rc < 0) {
        rt_free(P.e);
        return -1;
    }
    *entries = P.e;
    *n = P.n;
    return 0;
}

/* ---- reading files -------------------------------------------------------- */

static uint64_t get_le64(const unsigned char b[8])
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    return v;
}

void rt_st_close(RtStFile *f)
{
    if (f->fp)
        fclose(f->fp);
    rt_free(f->header);
    rt_free(f->e);
    memset(f, 0, sizeof *f);
}

/* Size of the open file, or -1 (with err) when it is not a regular file. */
static int64_t file_size(FILE *fp, const char *path, RtError *err)
{
    struct stat st;
    if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
        rt_error_set(err, RT_ERR_IO, "%s: not a regular file", path);
        return -1;
    }
    return (int64_t)st.st_size;
}

int rt_st_open(RtStFile *f, const char *path, RtError *err)
{
    unsigned char b[8];
    memset(f, 0, sizeof *f);
    f->fp = fopen(path, "rb");
    if (!f->fp) {
        rt_error_set(err, RT_ERR_IO, "cannot open %s: %s", path,
                     strerror(errno));
        return -1;
    }
    int64_t size = file_size(f->fp, path, err);
    if (size < 0)
        goto fail;
    if (size < 8 || fread(b, 1, 8, f->fp) != 8) {
        rt_error_set(err, RT_ERR_FORMAT, "%s: %lld bytes, too short for a "
                     "safetensors file", path, (long long)size);
        goto fail;
    }
    uint64_t hlen = get_le64(b);
    if (hlen > RT_ST_MAX_HEADER || hlen > (uint64_t)size - 8) {
        rt_error_set(err, RT_ERR_FORMAT, "%s: header length %llu %s (the file "
                     "has %lld bytes): truncated, or not a safetensors file",
                     path, (unsigned long long)hlen,
                     hlen > RT_ST_MAX_HEADER ? "is over the 100 MB limit"
                                             : "runs past the end",
                     (long long)size);
        goto fail;
    }
    f->header = rt_alloc((int64_t)hlen + 1, 1, "safetensors header", err);
    if (!f->header)
        goto fail;
    if (fread(f->header, 1, hlen, f->fp) != hlen) {
        rt_error_set(err, RT_ERR_IO, "%s: cannot read the header", path);
        goto fail;
    }
    f->data_start = 8 + hlen;
    f->data_size = (uint64_t)size - f->data_start;
    if (rt_st_parse(f->header, hlen, f->data_size, path, &f->e, &f->n,
                    err) < 0)
        goto fail;
    return 0;
fail:
    rt_st_close(f);
    return -1;
}

const RtStEntry *rt_st_find(const RtStFile *f, const char *name)
{
    for (int64_t i = 0; i < f->n; i++)
        if (strcmp(f->e[i].name, name) == 0)
            return &f->e[i];
    return NULL;
}

int rt_st_read_f32(RtStFile *f, const RtStEntry *e, float *out,
                   const char *path, RtError *err)
{
    if (strcmp(e->dtype, "F32") != 0) {
        rt_error_set(err, RT_ERR_FORMAT, "%s: tensor '%s' is %s, not F32",
                     path, e->name, e->dtype);
        return -1;
    }
    if (fseeko(f->fp, (off_t)(f->data_start + e->begin), SEEK_SET) != 0 ||
        fread(out, 4, (size_t)e->count, f->fp) != (size_t)e->count) {
        rt_error_set(err, RT_ERR_FORMAT, "%s: tensor '%s' is cut short: the "
                     "file is truncated", path, e->name);
        return -1;
    }
#if RT_BIG_ENDIAN
    for (int64_t i = 0; i < e->count; i++) {
        uint32_t u;
        memcpy(&u, &out[i], 4);
        u = __builtin_bswap32(u);
        memcpy(&out[i], &u, 4);
    }
#endif
    return 0;
}

/* ---- model weights to a file and back ------------------------------------ */

/* Appends printf-style text to buf[cap] at *len; -1 if it does not fit. */
static int put(char *buf, size_t cap, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int put(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= cap - *len)
        return -1;
    *len += (size_t)k;
    return 0;
}

/* s as a JSON string: names here are plain ASCII, but escape anyway. */
static int put_json_str(char *buf, size_t cap, size_t *len, const char *s)
{
    int rc = put(buf, cap, len, "\"");
    for (; *s && rc == 0; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            rc = put(buf, cap, len, "\\%c", c);
        else if (c < 0x20)
            rc = put(buf, cap, len, "\\u%04x", c);
        else
            rc = put(buf, cap, len, "%c", c);
    }
    return rc < 0 ? -1 : put(buf, cap, len, "\"");
}

/* Batchnorm layers get PyTorch's num_batches_tracked when torch-named. */
static int counts_batches(RtModel *m, int layer)
{
    return rt_model_layer_spec(m, layer)->kind == RT_LAYER_BATCHNORM;
}

static int put_entry(char *h, size_t cap, size_t *len, const char *name,
                     const char *dtype, const RtShape *shape, uint64_t *off,
                     uint64_t bytes)
{
    int rc = put(h, cap, len, ",");
    rc |= put_json_str(h, cap, len, name);
    rc |= put(h, cap, len, ":{\"dtype\":\"%s\",\"shape\":[", dtype);
    for (int d = 0; d < shape->ndim; d++)
        rc |= put(h, cap, len, "%s%lld", d ? "," : "", (long long)shape->dim[d]);
    rc |= put(h, cap, len, "],\"data_offsets\":[%llu,%llu]}",
              (unsigned long long)*off, (unsigned long long)(*off + bytes));
    *off += bytes;
    return rc;
}

/* The JSON header, padded with spaces to a multiple of 8 bytes: the
 * floats, then each batchnorm's num_batches_tracked scalar; torch names
 * ("0.weight") when `torch` is set. */
static char *build_header(RtModel *m, int torch, size_t *len, RtError *err)
{
    int nt = rt_model_tensor_count(m);
    size_t cap = 512 + (size_t)(nt + rt_model_layers(m)) * 512;
    char *h = rt_alloc((int64_t)cap, 1, "safetensors header", err);
    if (!h)
        return NULL;
    uint64_t off = 0;
    char name[64];
    int rc = put(h, cap, len, "{\"__metadata__\":{\"format\":\"pt\","
                 "\"producer\":\"fx %s\"}", rt_version());
    for (int i = 0; i < nt && rc == 0; i++) {
        RtNamedTensor t;
        rt_model_tensor(m, i, &t);
        if (torch)
            rt_weights_torch_name(m, i, name, sizeof name);
        rc |= put_entry(h, cap, len, torch ? name : t.name, "F32", &t.shape,
                        &off, 4 * (uint64_t)t.count);
    }
    RtShape scalar = rt_shape(0, NULL);
    for (int L = 0; L < rt_model_layers(m) && rc == 0; L++)
        if (counts_batches(m, L)) {
            snprintf(name, sizeof name, "%s%d.num_batches_tracked",
                     torch ? "" : "layers.", L);
            rc |= put_entry(h, cap, len, name, "I64", &scalar, &off, 8);
        }
    rc |= put(h, cap, len, "}");
    while (rc == 0 && *len % 8)
        rc = put(h, cap, len, " ");
    if (rc != 0) {
        rt_error_set(err, RT_ERR_NOMEM, "safetensors header too long");
        rt_free(h);
        return NULL;
    }
    return h;
}

static int write_floats(FILE *fp, const float *x, int64_t n)
{
#if RT_BIG_ENDIAN
    for (int64_t i = 0; i < n; i++) {
        uint32_t u;
        memcpy(&u, &x[i], 4);
        u = __builtin_bswap32(u);
        if (fwrite(&u, 4, 1, fp) != 1)
            return -1;
    }
    return 0;
#else
    return fwrite(x, 4, (size_t)n, fp) == (size_t)n ? 0 : -1;
#endif
}

static int write_le64(FILE *fp, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    return fwrite(b, 1, 8, fp) == 8 ? 0 : -1;
}

static int write_file(RtModel *m, FILE *fp, const char *hdr, size_t len,
                      int torch)
{
    if (write_le64(fp, (uint64_t)len) < 0 || fwrite(hdr, 1, len, fp) != len)
        return -1;
    for (int i = 0; i < rt_model_tensor_count(m); i++) {
        RtNamedTensor t;
        rt_model_tensor(m, i, &t);
        if (write_floats(fp, t.data, t.count) < 0)
            return -1;
    }
    for (int L = 0; L < rt_model_layers(m); L++)
        if (counts_batches(m, L) &&
            write_le64(fp, (uint64_t)rt_model_batches_tracked(m, L)) < 0)
            return -1;
    return 0;
}

/* Written as a file that is complete or absent (rt_out_open): a reader, or
 * a run killed while it writes, never sees a half-written file. */
static int save(RtModel *m, const char *path, int torch, RtError *err)
{
    size_t len = 0;
    if (!m || !path) {
        rt_error_set(err, RT_ERR_ARG, "save weights: no model or no path");
        return -1;
    }
    char *hdr = build_header(m, torch, &len, err);
    RtOutFile o;
    if (!hdr || rt_out_open(&o, path, err) < 0) {
        rt_free(hdr);
        return -1;
    }
    int ok = write_file(m, o.f, hdr, len, torch) == 0;
    rt_free(hdr);
    return rt_out_close(&o, ok, err);
}

int rt_weights_save(RtModel *m, const char *path, RtError *err)
{
    return save(m, path, 0, err);
}

int rt_weights_save_torch(RtModel *m, const char *path, RtError *err)
{
    return save(m, path, 1, err);
}

/* One element of dtype `dt` at p (little-endian) as float, or 0 when the
 * dtype is not a float type. */
static int float_dtype(const char *dt)
{
    return !strcmp(dt, "F32") || !strcmp(dt, "F64") || !strcmp(dt, "F16") ||
           !strcmp(dt, "BF16");
}

static float element(const char *dt, const unsigned char *p)
{
    uint64_t v = 0;
    int size = dt[1] == '3' ? 4 : dt[1] == '6' ? 8 : 2;
    for (int k = 0; k < size; k++)
        v |= (uint64_t)p[k] << (8 * k);
    if (size == 8) {
        double d;
        memcpy(&d, &v, 8);
        return (float)d;
    }
    if (size == 4) {
        uint32_t u = (uint32_t)v;
        float f;
        memcpy(&f, &u, 4);
        return f;
    }
    return dt[0] == 'B' ? rt_bf16_to_f32((uint16_t)v) : rt_f16_to_f32((uint16_t)v);
}

/* Entry e's elements as floats into out[e->count]. */
static int read_converted(RtStFile *f, const RtStEntry *e, float *out,
                          const char *path, RtError *err)
{
    unsigned char b[4096];
    int64_t done = 0;
    if (fseeko(f->fp, (off_t)(f->data_start + e->begin), SEEK_SET) != 0)
        done = -1;
    while (done >= 0 && done < e->count) {
        int64_t k = e->count - done;
        if (k > (int64_t)sizeof b / e->elem)
            k = (int64_t)sizeof b / e->elem;
        if (fread(b, (size_t)e->elem, (size_t)k, f->fp) != (size_t)k) {
            done = -1;
            break;
        }
        for (int64_t j = 0; j < k; j++)
            out[done + j] = element(e->dtype, b + j * e->elem);
        done += k;
    }
    if (done < 0) {
        rt_error_set(err, RT_ERR_FORMAT, "%s: tensor '%s' is cut short: the "
                     "file is truncated", path, e->name);
        return -1;
    }
    return 0;
}

/* A one-element I64 tensor's value (num_batches_tracked). */
static int read_i64(RtStFile *f, const RtStEntry *e, int64_t *out,
                    const char *path, RtError *err)
{
    unsigned char b[8];
    if (fseeko(f->fp, (off_t)(f->data_start + e->begin), SEEK_SET) != 0 ||
        fread(b, 1, 8, f->fp) != 8) {
        rt_error_set(err, RT_ERR_FORMAT, "%s: tensor '%s' is cut short: the "
                     "file is truncated", path, e->name);
        return -1;
    }
    uint64_t v = 0;
    for (int k = 0; k < 8; k++)
        v |= (uint64_t)b[k] << (8 * k);
    memcpy(out, &v, 8);
    return 0;
}

void rt_weights_src_free(RtWeightSrc *src, int64_t n)
{
    for (int64_t i = 0; src && i < n; i++) {
        rt_free((void *)src[i].name);
        rt_free((void *)src[i].data);
    }
    rt_free(src);
}

static char *copy_str(const char *s, RtError *err)
{
    char *c = rt_alloc((int64_t)strlen(s) + 1, 1, "tensor name", err);
    if (c)
        memcpy(c, s, strlen(s) + 1);
    return c;
}

int rt_weights_read_st(const char *path, RtWeightSrc **out, int64_t *n,
                       RtError *err)
{
    RtStFile f;
    *out = NULL;
    *n = 0;
    if (rt_st_open(&f, path, err) < 0)
        return -1;
    RtWeightSrc *src = rt_alloc(f.n + 1, sizeof *src, "weights", err);
    int rc = src ? 0 : -1;
    for (int64_t i = 0; rc == 0 && i < f.n; i++) {
        const RtStEntry *e = &f.e[i];
        RtWeightSrc *w = &src[i];
        memset(w, 0, sizeof *w);
        w->dtype = e->dtype;
        w->shape = rt_shape(e->ndim, e->dim);
        w->name = copy_str(e->name, err);
        rc = w->name ? 0 : -1;
        if (rc == 0 && float_dtype(e->dtype)) {
            float *d = rt_alloc(e->count + 1, sizeof *d, "weights", err);
            rc = d ? read_converted(&f, e, d, path, err) : -1;
            w->data = d;
        } else if (rc == 0 && !strcmp(e->dtype, "I64") && e->count == 1) {
            rc = read_i64(&f, e, &w->ivalue, path, err);
            w->has_ivalue = rc == 0;
        }
        if (rc == 0)
            *n = i + 1;
    }
    int64_t total = f.n;
    rt_st_close(&f);
    if (rc < 0) {
        rt_weights_src_free(src, src ? total : 0);
        *n = 0;
        return -1;
    }
    rt_weights_sort_torch(src, total);
    *out = src;
    return 0;
}

/* Nothing in the model changes unless every tensor reads and fits. */
int rt_weights_load(RtModel *m, const char *path, RtError *err)
{
    RtWeightSrc *src;
    int64_t n;
    if (!m || !path) {
        rt_error_set(err, RT_ERR_ARG, "load weights: no model or no path");
        return -1;
    }
    if (rt_weights_read_st(path, &src, &n, err) < 0)
        return -1;
    int positional;
    int *map = rt_alloc(n + 1, sizeof *map, "weight map", err);
    int rc = map ? rt_weights_map(m, src, n, path, map, &positional, err) : -1;
    if (rc == 0)
        rt_weights_apply(m, src, n, map);
    rt_free(map);
    rt_weights_src_free(src, n);
    return rc;
}
