/* Unit tests of the IDX reader behind load_idx and fashion_mnist: a good
 * file plain and gzip-compressed, every header error, truncation at every
 * length, a header that lies about huge sizes, and a fuzz run over
 * garbage and mutated files (each must load or fail with a message, never
 * crash; the sanitizer build checks memory). Files go to a fresh
 * directory under /tmp. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "check.h"
#include "data/data.h"

static char dir[64];

static const char *path(const char *name)
{
    static char p[4][128];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static void put(const char *name, const unsigned char *b, size_t n, int gz)
{
    if (gz) {
        gzFile f = gzopen(path(name), "wb");
        if (n)
            gzwrite(f, b, (unsigned)n);
        gzclose(f);
    } else {
        FILE *f = fopen(path(name), "wb");
        fwrite(b, 1, n, f);
        fclose(f);
    }
}

/* An IDX header: type, dims. Returns its length. */
static size_t header(unsigned char *b, int type, int nd, const unsigned *dims)
{
    b[0] = b[1] = 0;
    b[2] = (unsigned char)type;
    b[3] = (unsigned char)nd;
    for (int k = 0; k < nd; k++) {
        b[4 + 4 * k] = (unsigned char)(dims[k] >> 24);
        b[5 + 4 * k] = (unsigned char)(dims[k] >> 16);
        b[6 + 4 * k] = (unsigned char)(dims[k] >> 8);
        b[7 + 4 * k] = (unsigned char)dims[k];
    }
    return 4 + 4 * (size_t)nd;
}

static unsigned char img[4 + 12 + 6 * 4 * 5], lab[4 + 4 + 6];
static size_t img_len, lab_len;

static void make_good(void)
{
    unsigned di[3] = {6, 4, 5}, dl[1] = {6};
    img_len = header(img, 8, 3, di);
    for (int i = 0; i < 120; i++)
        img[img_len++] = (unsigned char)(i * 2);
    lab_len = header(lab, 8, 1, dl);
    for (int i = 0; i < 6; i++)
        lab[lab_len++] = (unsigned char)(i % 3);
    put("img", img, img_len, 0);
    put("lab", lab, lab_len, 0);
    put("img.gz", img, img_len, 1);
    put("lab.gz", lab, lab_len, 1);
}

static FxDataset *load(const char *im, const char *lb, int64_t limit, int classes, FxDataError *e)
{
    memset(e, 0, sizeof *e);
    return fx_idx_load(path(im), path(lb), limit, classes, e);
}

static void test_good(Checks *c)
{
    FxDataError e = {0};
    FxDataset *d = load("img.gz", "lab.gz", 0, 0, &e);
    CHECK(c, d && d->n == 6 && d->shape.ndim == 3 && d->shape.dim[0] == 1 &&
          d->shape.dim[1] == 4 && d->shape.dim[2] == 5 && d->classes == 3,
          "gz: 6 samples of [1, 4, 5], 3 classes (%s)", e.msg);
    CHECK(c, d && d->x[21] == 42 / 255.0f && d->y[4] == 1, "pixels / 255, labels as read");
    fx_dataset_free(d);
    d = load("img", "lab.gz", 4, 10, &e);
    CHECK(c, d && d->n == 4 && d->classes == 10 && d->x[119 - 40] == 158 / 255.0f,
          "plain file, limit 4, classes 10");
    fx_dataset_free(d);
    unsigned d2[2] = {6, 20};
    unsigned char flat[4 + 8 + 120];
    size_t n = header(flat, 8, 2, d2);
    memcpy(flat + n, img + 16, 120);
    put("flat", flat, n + 120, 0);
    d = load("flat", "lab", 0, 0, &e);
    CHECK(c, d && d->shape.ndim == 1 && d->shape.dim[0] == 20, "a 2-d file: samples of [20]");
    fx_dataset_free(d);
}

static void expect(Checks *c, const char *im, const char *lb, const char *want, const char *what)
{
    FxDataError e = {0};
    FxDataset *d = load(im, lb, 0, 0, &e);
    CHECK(c, !d && strstr(e.msg, want), "%s: \"%s\"", what, e.msg);
    fx_dataset_free(d);
}

static void test_errors(Checks *c)
{
    unsigned char b[64] = {0};
    unsigned dims[3] = {6, 4, 5}, five[1] = {5};
    put("empty", b, 0, 0);
    expect(c, "empty", "lab", "too short for an IDX file (0 bytes)", "empty file");
    memcpy(b, "\x1f\x8b\x08\x00", 4);
    put("magic", b, 4, 0);
    expect(c, "magic", "lab", "is truncated: its compressed data end early",
           "a gzip header and nothing else");
    memcpy(b, "P5 2", 4);
    put("magic", b, 4, 0);
    expect(c, "magic", "lab", "is not an IDX file (it starts with 50 35 20 32)", "bad magic");
    header(b, 0x0c, 3, dims);
    put("ints", b, 16, 1);
    expect(c, "ints", "lab", "type 0c; only unsigned bytes", "int data");
    header(b, 8, 1, dims);
    put("onedim", b, 8, 0);
    expect(c, "onedim", "lab", "has 1 dimension; images need 2 to 6", "1-d images");
    expect(c, "img", "img", "has 3 dimensions; labels need 1", "3-d labels");
    header(b, 8, 3, dims);
    put("hdrcut", b, 10, 1);
    expect(c, "hdrcut", "lab", "too short for an IDX file", "header cut in its sizes");
    size_t n = header(b, 8, 1, five);
    memset(b + n, 0, 5);
    put("lab5", b, n + 5, 1);
    expect(c, "img", "lab5", "holds 6 images but", "count mismatch");
    unsigned zero[3] = {6, 0, 5};
    header(b, 8, 3, zero);
    put("zero", b, 16, 0);
    expect(c, "zero", "lab", "dimension 2 has size 0", "a zero size");
    expect(c, "nothing-here", "lab", "cannot read", "a missing file");
    expect(c, "img", "nothing-here", "cannot read", "a missing labels file");
    /* A header claiming 4 billion images of 65535 x 65535: refused before
     * any allocation; one claiming 100000 x 100 x 100 (1 GB) reads in
     * chunks and stops at the real end of the data. */
    unsigned huge[3] = {0xffffffffu, 0xffff, 0xffff}, big[3] = {100000, 100, 100};
    unsigned hl[1] = {0xffffffffu}, bl[1] = {100000};
    header(b, 8, 3, huge);
    put("huge", b, 16, 1);
    header(b, 8, 1, hl);
    put("hugelab", b, 8, 1);
    expect(c, "huge", "hugelab", "more than the memory budget", "a lying header (huge)");
    header(b, 8, 3, big);
    put("big", b, 16, 1);
    n = header(b, 8, 1, bl);
    memset(b + n, 1, 40);
    put("biglab", b, n + 40, 1);
    expect(c, "big", "biglab", "is truncated", "a lying header (1 GB)");
}

static void test_truncation(Checks *c)
{
    int all = 1;
    for (size_t len = 0; len < img_len; len++) {
        put("cut", img, len, len % 2);
        FxDataError e = {0};
        FxDataset *d = load("cut", "lab", 0, 0, &e);
        all &= d == NULL && e.msg[0] != '\0';
        fx_dataset_free(d);
    }
    CHECK(c, all, "the image file cut at each of its %zu lengths: an error each time", img_len);
}

static unsigned next(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 16;
}

static void test_fuzz(Checks *c)
{
    unsigned s = 777;
    unsigned char b[sizeof img];
    int ok = 1, loaded = 0;
    for (int it = 0; it < 600; it++) {
        size_t len = img_len;
        memcpy(b, img, len);
        if (it % 3 == 0) {                    /* garbage of a random length */
            len = next(&s) % sizeof b;
            for (size_t i = 0; i < len; i++)
                b[i] = (unsigned char)next(&s);
        } else {                              /* a few bytes of a good file */
            for (int k = next(&s) % 3; k >= 0; k--)
                b[next(&s) % (it % 2 ? 16 : len)] = (unsigned char)next(&s);
        }
        put("fz", b, len, it % 2);
        FxDataError e = {0};
        FxDataset *d = load("fz", "lab", it % 4, 0, &e);
        ok &= d != NULL || e.msg[0] != '\0';
        loaded += d != NULL;
        fx_dataset_free(d);
    }
    /* A gzip stream with bytes changed inside: zlib's checks catch most. */
    FILE *f = fopen(path("img.gz"), "rb");
    unsigned char z[512];
    size_t zn = f ? fread(z, 1, sizeof z, f) : 0;
    if (f)
        fclose(f);
    for (int it = 0; it < 300 && zn > 20; it++) {
        unsigned char m[512];
        memcpy(m, z, zn);
        m[10 + next(&s) % (zn - 10)] ^= (unsigned char)(1 + next(&s) % 255);
        put("fzz", m, it % 7 ? zn : zn / 2, 0);
        FxDataError e = {0};
        FxDataset *d = load("fzz", "lab", 0, 0, &e);
        ok &= d != NULL || e.msg[0] != '\0';
        loaded += d != NULL;
        fx_dataset_free(d);
    }
    CHECK(c, ok, "900 fuzzed files: each loads (%d) or fails with a message", loaded);
}

static void cleanup(void)
{
    static const char *const names[] = {
        "img", "lab", "img.gz", "lab.gz", "flat", "empty", "magic", "ints", "onedim", "hdrcut",
        "lab5", "zero", "huge", "hugelab", "big", "biglab", "cut", "fz", "fzz", NULL
    };
    for (int i = 0; names[i]; i++)
        remove(path(names[i]));
    rmdir(dir);
}

int main(void)
{
    Checks c = {0};
    snprintf(dir, sizeof dir, "/tmp/fx_idx_XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    make_good();
    test_good(&c);
    test_errors(&c);
    test_truncation(&c);
    test_fuzz(&c);
    cleanup();
    return checks_done(&c);
}
