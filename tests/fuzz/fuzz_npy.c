/* Fuzz target of the NPY header parser and the NPZ (zip) reader behind
 * load_npy and load_npz: any bytes must parse or fail with a message,
 * never read out of bounds, leak or crash (run it in the sanitizer build).
 *
 *   fuzz_npy                 a deterministic random-mutation loop over
 *                            valid NPY files (every version, dtype and
 *                            order) and NPZ archives: 20000 inputs
 *   fuzz_npy -n N [-s SEED]  N inputs from another seed
 *   fuzz_npy FILE...         each file once (AFL++: afl-fuzz -i DIR -o OUT
 *                            -- build/tests/fuzz_npy @@; crash reproduction)
 *
 * Built with -DFX_LIBFUZZER it is a libFuzzer target instead (no main).
 * tests/fuzz/run.sh runs the loop in every build make test makes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data/npy.h"

/* Parses b as an NPY file and as an NPZ archive; converts what parses. */
static int fuzz_one(const unsigned char *b, size_t n)
{
    FxNpy h;
    FxDataError e = {0};
    int parsed = 0;
    if (fx_npy_parse(b, n, "fuzz", FX_DATA_AT_PATH, &h, &e) == 0) {
        parsed = 1;
        if (h.count <= (1 << 16)) {
            float *f = malloc((size_t)h.count * sizeof *f + 1);
            double *d = malloc((size_t)h.count * sizeof *d + 1);
            fx_npy_to_floats(&h, b + h.data_at, f);
            fx_npy_to_doubles(&h, b + h.data_at, d);
            free(f);
            free(d);
        }
    } else if (!e.msg[0]) {
        abort();               /* a failure must say why */
    }
    FxZipMember *ms;
    int k;
    if (fx_zip_members(b, n, "fuzz", FX_DATA_AT_PATH, &ms, &k, &e) == 0) {
        for (int i = 0; i < k; i++) {
            if (ms[i].usize > (1 << 20))
                continue;
            unsigned char *m = fx_zip_extract(b, n, "fuzz", FX_DATA_AT_PATH, &ms[i], &e);
            if (m && fx_npy_parse(m, (size_t)ms[i].usize, "member", FX_DATA_AT_PATH, &h, &e) == 0)
                parsed = 1;
            free(m);
        }
        free(ms);
    }
    return parsed;
}

#ifdef FX_LIBFUZZER
int LLVMFuzzerTestOneInput(const unsigned char *b, size_t n);
int LLVMFuzzerTestOneInput(const unsigned char *b, size_t n)
{
    fuzz_one(b, n);
    return 0;
}
#else

typedef struct Seed {
    FxBuf b;
} Seed;

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Valid files: every dtype in both byte orders and memory orders, the
 * three versions, and an NPZ archive of two members. */
static int make_seeds(Seed *sd, int max)
{
    static const char *const dt[] = {"<f2", ">f2", "<f4", ">f4", "<f8", ">f8", "|i1", "<i2",
                                     ">i4", "<i8", "|u1", ">u2", "<u4", ">u8", "|b1"};
    int n = 0;
    for (size_t t = 0; t < sizeof dt / sizeof *dt && n < max; t++)
        for (int v = 1; v <= 3 && n < max; v++) {
            FxBuf d;
            fx_buf_init(&d);
            fx_buf_printf(&d, "{'descr': '%s', 'fortran_order': %s, 'shape': (2, 3), }   \n",
                          dt[t], v == 2 ? "True" : "False");
            fx_buf_init(&sd[n].b);
            unsigned char pre[12] = {0x93, 'N', 'U', 'M', 'P', 'Y', (unsigned char)v, 0,
                                     (unsigned char)(d.len & 255), (unsigned char)(d.len >> 8),
                                     0, 0};
            fx_buf_put(&sd[n].b, (const char *)pre, v == 1 ? 10 : 12);
            fx_buf_put(&sd[n].b, d.s, d.len);
            int size = dt[t][2] - '0';
            for (int i = 0; i < 6 * size; i++)
                fx_buf_put(&sd[n].b, (const char[]){(char)(i * 37)}, 1);
            fx_buf_free(&d);
            n++;
        }
    FxBuf x, y;
    fx_buf_init(&x);
    fx_buf_init(&y);
    int64_t dims[3] = {2, 2, 2};
    fx_npy_write_header(&x, "<f4", 3, dims);
    for (int i = 0; i < 32; i++)
        fx_buf_put(&x, (const char[]){(char)(i * 11)}, 1);
    fx_npy_write_header(&y, "<i8", 1, dims);
    for (int i = 0; i < 16; i++)
        fx_buf_put(&y, (const char[]){(char)(i % 3 == 0)}, 1);
    FxZipWriter z;
    fx_zip_begin(&z);
    fx_zip_add(&z, "x.npy", x.s, x.len);
    fx_zip_add(&z, "y.npy", y.s, y.len);
    fx_zip_finish(&z);
    sd[n++].b = z.out;
    fx_buf_free(&z.dir);
    fx_buf_free(&x);
    fx_buf_free(&y);
    return n;
}

/* One to eight random edits of a seed: flips, interesting bytes and
 * digits, insertions, deletions, truncation. */
static size_t mutate(const FxBuf *src, unsigned char *out, size_t cap, uint64_t *s)
{
    size_t n = src->len < cap ? src->len : cap;
    memcpy(out, src->s, n);
    static const unsigned char hot[] = {0, 0xff, 0x7f, 0x80, '(', ')', ',', ':', '\'', '"',
                                        '{', '}', '-', '9', '0', 'L', ' ', '\n', 'T', 'F'};
    int edits = 1 + (int)(rnd(s) % 8);
    for (int k = 0; k < edits && n > 0; k++) {
        size_t at = (size_t)(rnd(s) % n);
        switch (rnd(s) % 6) {
        case 0: out[at] ^= (unsigned char)(1u << (rnd(s) % 8)); break;
        case 1: out[at] = hot[rnd(s) % sizeof hot]; break;
        case 2: out[at] = (unsigned char)rnd(s); break;
        case 3:
            if (n < cap) {
                memmove(out + at + 1, out + at, n - at);
                out[at] = hot[rnd(s) % sizeof hot];
                n++;
            }
            break;
        case 4: memmove(out + at, out + at + 1, n - at - 1); n--; break;
        default: n = at; break;
        }
    }
    return n;
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "fuzz_npy: cannot read %s\n", path);
        return 1;
    }
    unsigned char *b = malloc(1 << 24);
    size_t n = fread(b, 1, 1 << 24, f);
    fclose(f);
    fuzz_one(b, n);
    free(b);
    return 0;
}

int main(int argc, char **argv)
{
    long count = 20000;
    uint64_t seed = 0x9e3779b97f4a7c15u;
    int files = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc)
            count = atol(argv[++i]);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0) | 1;
        else if (run_file(argv[i]) == 0)
            files++;
        else
            return 1;
    }
    if (files)
        return 0;
    Seed sd[64];
    int ns = make_seeds(sd, 63);
    for (int i = 0; i < ns; i++)
        if (!fuzz_one((const unsigned char *)sd[i].b.s, sd[i].b.len)) {
            printf("not ok 1 - fuzz_npy: seed %d does not parse\n", i);
            return 1;
        }
    unsigned char *buf = malloc(1 << 16);
    long parsed = 0;
    for (long i = 0; i < count; i++) {
        size_t n = mutate(&sd[rnd(&seed) % (uint64_t)ns].b, buf, 1 << 16, &seed);
        parsed += fuzz_one(buf, n);
    }
    free(buf);
    for (int i = 0; i < ns; i++)
        fx_buf_free(&sd[i].b);
    printf("ok 1 - fuzz_npy: %d seeds and %ld mutated inputs (%ld still parse), no crash\n", ns,
           count, parsed);
    return 0;
}
#endif
