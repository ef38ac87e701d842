/* Zip archives as NPZ files use them (numpy.savez stores its members,
 * savez_compressed deflates them; both write ZIP64 fields): reading the
 * central directory, ZIP64 included, and one member's bytes, stored or
 * inflated through zlib with its CRC checked; and writing an archive of
 * stored members. Every offset and size read from the archive is checked
 * against the bytes there are before it is used. Knows nothing of calls or
 * values, nor of what the members hold. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "npy.h"

#define SIG_LOCAL   0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_END     0x06054b50u
#define SIG_END64   0x06064b50u
#define SIG_LOC64   0x07064b50u

static uint64_t le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int k = 0; k < n; k++)
        v |= (uint64_t)p[k] << (8 * k);
    return v;
}

static int broken(FxDataError *e, FxDataErrWhere where, const char *name, const char *what)
{
    fx_data_error(e, where, "'%s' is not a valid zip archive: %s", name, what);
    return -1;
}

/* The end of central directory record: the last one in the file. */
static int find_end(const unsigned char *b, size_t len, size_t *at)
{
    if (len < 22)
        return -1;
    size_t stop = len > 22 + 65535 ? len - 22 - 65535 : 0;
    for (size_t i = len - 22 + 1; i-- > stop;)
        if (le(b + i, 4) == SIG_END) {
            *at = i;
            return 0;
        }
    return -1;
}

typedef struct Dir {
    uint64_t count, size, offset;
} Dir;

static int read_end(const unsigned char *b, size_t len, const char *name, FxDataErrWhere where,
                    Dir *d, FxDataError *e)
{
    size_t at;
    if (find_end(b, len, &at)) {
        fx_data_error(e, where, "'%s' is not a zip archive (an .npz file is one): it has no "
                      "end of central directory", name);
        if (len >= 6 && memcmp(b, "\x93NUMPY", 6) == 0)
            fx_data_hint(e, "it is an NPY file: read it with load_npy");
        return -1;
    }
    d->count = le(b + at + 10, 2);
    d->size = le(b + at + 12, 4);
    d->offset = le(b + at + 16, 4);
    int zip64 = d->count == 0xffff || d->size == 0xffffffffu || d->offset == 0xffffffffu;
    if (at >= 20 && le(b + at - 20, 4) == SIG_LOC64) {
        uint64_t e64 = le(b + at - 20 + 8, 8);
        if (e64 > len || len - e64 < 56 || le(b + e64, 4) != SIG_END64)
            return broken(e, where, name, "its ZIP64 end record is out of place");
        d->count = le(b + e64 + 32, 8);
        d->size = le(b + e64 + 40, 8);
        d->offset = le(b + e64 + 48, 8);
    } else if (zip64) {
        return broken(e, where, name, "it needs a ZIP64 end record and has none");
    }
    if (d->offset > len || d->size > len - d->offset)
        return broken(e, where, name, "its central directory lies past the end of the file");
    if (d->count > d->size / 46)
        return broken(e, where, name, "its central directory is too small for its entries");
    return 0;
}

/* A central directory entry's ZIP64 extra field, for the sizes and the
 * offset that are 0xffffffff. */
static int zip64_extra(const unsigned char *x, size_t n, FxZipMember *m)
{
    while (n >= 4) {
        uint64_t id = le(x, 2), sz = le(x + 2, 2);
        if (sz > n - 4)
            return -1;
        if (id == 1) {
            const unsigned char *p = x + 4;
            size_t left = (size_t)sz;
            uint64_t *f[3] = {&m->usize, &m->csize, &m->local};
            for (int k = 0; k < 3; k++) {
                if (*f[k] != 0xffffffffu)
                    continue;
                if (left < 8)
                    return -1;
                *f[k] = le(p, 8);
                p += 8, left -= 8;
            }
            return 0;
        }
        x += 4 + sz, n -= 4 + (size_t)sz;
    }
    return 0;
}

int fx_zip_members(const unsigned char *b, size_t len, const char *name, FxDataErrWhere where,
                   FxZipMember **out, int *n, FxDataError *e)
{
    Dir d;
    *out = NULL;
    *n = 0;
    if (read_end(b, len, name, where, &d, e))
        return -1;
    if (d.count > 100000)
        return broken(e, where, name, "it claims more than 100000 members");
    FxZipMember *ms = fx_xcalloc(d.count ? (size_t)d.count : 1, sizeof *ms);
    const unsigned char *p = b + d.offset, *end = p + d.size;
    for (uint64_t i = 0; i < d.count; i++) {
        if (end - p < 46 || le(p, 4) != SIG_CENTRAL) {
            free(ms);
            return broken(e, where, name, "an entry of its central directory is damaged");
        }
        FxZipMember *m = &ms[i];
        size_t nl = (size_t)le(p + 28, 2), xl = (size_t)le(p + 30, 2), cl = (size_t)le(p + 32, 2);
        if ((size_t)(end - p) - 46 < nl + xl + cl) {
            free(ms);
            return broken(e, where, name, "an entry of its central directory runs past its end");
        }
        m->method = (int)le(p + 10, 2);
        m->crc = (uint32_t)le(p + 16, 4);
        m->csize = le(p + 20, 4);
        m->usize = le(p + 24, 4);
        m->local = le(p + 42, 4);
        size_t keep = nl < sizeof m->name - 1 ? nl : sizeof m->name - 1;
        memcpy(m->name, p + 46, keep);
        m->name[keep] = '\0';
        for (size_t k = 0; k < keep; k++)
            if ((unsigned char)m->name[k] < 32)
                m->name[k] = '?';
        if (zip64_extra(p + 46 + nl, xl, m)) {
            free(ms);
            return broken(e, where, name, "a ZIP64 field of its central directory is damaged");
        }
        p += 46 + nl + xl + cl;
    }
    *out = ms;
    *n = (int)d.count;
    return 0;
}

static int member_error(FxDataError *e, FxDataErrWhere where, const char *name,
                        const FxZipMember *m, const char *what)
{
    fx_data_error(e, where, "'%s': member '%s' %s", name, m->name, what);
    return -1;
}

static unsigned char *inflate_member(const unsigned char *src, const FxZipMember *m,
                                     const char *name, FxDataErrWhere where, FxDataError *e)
{
    unsigned char *out = malloc(m->usize ? (size_t)m->usize : 1);
    if (!out) {
        member_error(e, where, name, m, "is too large to inflate in memory");
        return NULL;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -15) != Z_OK) {
        free(out);
        member_error(e, where, name, m, "cannot be inflated: zlib failed to start");
        return NULL;
    }
    uint64_t in_left = m->csize, out_left = m->usize;
    z.next_in = (unsigned char *)src;
    z.next_out = out;
    int rc = Z_OK;
    while (rc == Z_OK) {
        unsigned in_now = in_left > (1u << 30) ? 1u << 30 : (unsigned)in_left;
        unsigned out_now = out_left > (1u << 30) ? 1u << 30 : (unsigned)out_left;
        z.avail_in = in_now;
        z.avail_out = out_now;
        rc = inflate(&z, Z_NO_FLUSH);
        in_left -= in_now - z.avail_in;
        out_left -= out_now - z.avail_out;
        if (rc == Z_OK && in_now == z.avail_in && out_now == z.avail_out)
            rc = Z_BUF_ERROR;   /* no progress: input or room ran out */
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END || out_left != 0) {
        free(out);
        member_error(e, where, name, m, rc == Z_STREAM_END ? "inflates to fewer bytes than its "
                     "entry says" : rc == Z_BUF_ERROR ? "is truncated or inflates to more bytes "
                     "than its entry says" : "has damaged compressed data");
        return NULL;
    }
    return out;
}

unsigned char *fx_zip_extract(const unsigned char *b, size_t len, const char *name,
                              FxDataErrWhere where, const FxZipMember *m, FxDataError *e)
{
    if (m->method != 0 && m->method != 8) {
        fx_data_error(e, where, "'%s': member '%s' is compressed with method %d; fx reads "
                      "stored (0) and deflated (8) members, as numpy writes", name, m->name,
                      m->method);
        return NULL;
    }
    if (m->local > len || len - m->local < 30 || le(b + m->local, 4) != SIG_LOCAL) {
        member_error(e, where, name, m, "has no local header where the directory says");
        return NULL;
    }
    const unsigned char *lh = b + m->local;
    uint64_t start = m->local + 30 + le(lh + 26, 2) + le(lh + 28, 2);
    if (start > len || m->csize > len - start) {
        fx_data_error(e, where, "'%s' is truncated: member '%s' ends past the end of the file",
                      name, m->name);
        return NULL;
    }
    if (m->method == 0 && m->usize != m->csize) {
        member_error(e, where, name, m, "is stored, yet its sizes differ");
        return NULL;
    }
    if (m->usize > (uint64_t)fx_data_budget(e)) {
        char need[32], have[32];
        fx_data_error(e, where, "'%s': member '%s' needs %s, more than the memory budget of %s",
                      name, m->name, rt_bytes_text((int64_t)m->usize, need),
                      rt_bytes_text(fx_data_budget(e), have));
        return NULL;
    }
    unsigned char *out;
    if (m->method == 0) {
        out = malloc(m->usize ? (size_t)m->usize : 1);
        if (out)
            memcpy(out, b + start, (size_t)m->usize);
        else
            member_error(e, where, name, m, "is too large to read in memory");
    } else {
        out = inflate_member(b + start, m, name, where, e);
    }
    if (!out)
        return NULL;
    uLong crc = crc32(0L, Z_NULL, 0);
    for (uint64_t done = 0; done < m->usize;) {
        uInt now = m->usize - done > (1u << 30) ? 1u << 30 : (uInt)(m->usize - done);
        crc = crc32(crc, out + done, now);
        done += now;
    }
    if ((uint32_t)crc != m->crc) {
        free(out);
        member_error(e, where, name, m, "is damaged: its CRC-32 does not match");
        return NULL;
    }
    return out;
}

/* ---- writing ----------------------------------------------------------------- */

static void put_le(FxBuf *b, uint64_t v, int n)
{
    char c[8];
    for (int k = 0; k < n; k++)
        c[k] = (char)(v >> (8 * k) & 255);
    fx_buf_put(b, c, (size_t)n);
}

void fx_zip_begin(FxZipWriter *z)
{
    fx_buf_init(&z->out);
    fx_buf_init(&z->dir);
    z->count = 0;
}

/* One header, local (central 0) or central (1): the fields both share.
 * The time is fixed (1980-01-01 00:00) so the same data give the same file. */
static void header(FxBuf *b, int central, const char *name, uint32_t crc, size_t len,
                   size_t local)
{
    size_t nl = strlen(name);
    put_le(b, central ? SIG_CENTRAL : SIG_LOCAL, 4);
    if (central)
        put_le(b, 20, 2);             /* made by: version 2.0 */
    put_le(b, 20, 2);                 /* needed to extract */
    put_le(b, 0, 2);                  /* flags */
    put_le(b, 0, 2);                  /* stored */
    put_le(b, 0, 2);                  /* time */
    put_le(b, 0x21, 2);               /* date */
    put_le(b, crc, 4);
    put_le(b, len, 4);
    put_le(b, len, 4);
    put_le(b, nl, 2);
    put_le(b, 0, 2);                  /* extra */
    if (central) {
        put_le(b, 0, 2);              /* comment */
        put_le(b, 0, 2);              /* disk */
        put_le(b, 0, 2);              /* internal attributes */
        put_le(b, 0x81a4u << 16, 4);  /* external: a regular file, rw-r--r-- */
        put_le(b, local, 4);
    }
    fx_buf_put(b, name, nl);
}

int fx_zip_add(FxZipWriter *z, const char *name, const void *data, size_t len)
{
    if (len > 0xfffffffeu || z->out.len + len > 0xf0000000u)
        return -1;
    uLong crc = crc32(crc32(0L, Z_NULL, 0), data, (uInt)len);
    size_t local = z->out.len;
    header(&z->out, 0, name, (uint32_t)crc, len, 0);
    fx_buf_put(&z->out, data, len);
    header(&z->dir, 1, name, (uint32_t)crc, len, local);
    z->count++;
    return 0;
}

void fx_zip_finish(FxZipWriter *z)
{
    size_t at = z->out.len;
    fx_buf_put(&z->out, z->dir.s ? z->dir.s : "", z->dir.len);
    put_le(&z->out, SIG_END, 4);
    put_le(&z->out, 0, 2);
    put_le(&z->out, 0, 2);
    put_le(&z->out, (uint64_t)z->count, 2);
    put_le(&z->out, (uint64_t)z->count, 2);
    put_le(&z->out, z->dir.len, 4);
    put_le(&z->out, at, 4);
    put_le(&z->out, 0, 2);
}

void fx_zip_free(FxZipWriter *z)
{
    fx_buf_free(&z->out);
    fx_buf_free(&z->dir);
}
