/* Unit tests of the NPY parser and the zip reader behind load_npy and
 * load_npz (stdlib/data/npy.h): a header's fields, float16 and Fortran
 * order conversions, every truncation of a good file and of an archive
 * (each an error with a message, never a crash: the sanitizer build checks
 * memory), and the zip writer read back. The numpy-made fixtures are
 * tested by the script tests (tests/scripts/data_npy.fx). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "data/npy.h"

static Checks C;

static void npy(FxBuf *b, const char *descr, const char *order, const char *shape,
                const void *data, size_t n)
{
    FxBuf d;
    fx_buf_init(&d);
    fx_buf_printf(&d, "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }\n", descr, order,
                  shape);
    fx_buf_init(b);
    const unsigned char pre[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                                   (unsigned char)d.len, (unsigned char)(d.len >> 8)};
    fx_buf_put(b, (const char *)pre, 10);
    fx_buf_put(b, d.s, d.len);
    fx_buf_put(b, data, n);
    fx_buf_free(&d);
}

static void test_header(void)
{
    FxBuf b;
    float v[6] = {0, 1, 2, 3, 4, 5};
    npy(&b, "<f4", "False", "(2, 3)", v, sizeof v);
    FxNpy h;
    FxDataError e = {0};
    int rc = fx_npy_parse((unsigned char *)b.s, b.len, "t", FX_DATA_AT_PATH, &h, &e);
    CHECK(&C, rc == 0 && h.major == 1 && h.kind == 'f' && h.size == 4 && !h.big && !h.fortran &&
          h.ndim == 2 && h.dims[0] == 2 && h.dims[1] == 3 && h.count == 6 &&
          h.data_at + sizeof v == b.len, "a 1.0 header: dtype, order, shape and data offset");
    int bad = 0;
    for (size_t n = 0; n < b.len; n++) {
        memset(&e, 0, sizeof e);
        unsigned char *cut = malloc(n ? n : 1);   /* exactly n bytes: ASan sees overreads */
        memcpy(cut, b.s, n);
        bad += fx_npy_parse(cut, n, "t", FX_DATA_AT_PATH, &h, &e) == 0 || !e.msg[0];
        free(cut);
    }
    CHECK(&C, bad == 0, "each of the %zu truncations of a file is an error with a message", b.len);
    fx_buf_free(&b);
}

static void test_convert(void)
{
    /* float16, big-endian: 1, 2^-24 (the smallest subnormal), -2, 65504, inf, 0.5 */
    const unsigned char half[12] = {0x3c, 0, 0, 1, 0xc0, 0, 0x7b, 0xff, 0x7c, 0, 0x38, 0};
    FxBuf b;
    npy(&b, ">f2", "False", "(6,)", half, sizeof half);
    FxNpy h;
    FxDataError e = {0};
    float f[6] = {0};
    int rc = fx_npy_parse((unsigned char *)b.s, b.len, "t", FX_DATA_AT_PATH, &h, &e);
    if (rc == 0)
        fx_npy_to_floats(&h, (unsigned char *)b.s + h.data_at, f);
    CHECK(&C, rc == 0 && f[0] == 1 && f[1] == 0x1p-24f && f[2] == -2 && f[3] == 65504 &&
          isinf(f[4]) && f[4] > 0 && f[5] == 0.5f, "float16 converts exactly, subnormals and inf too");
    fx_buf_free(&b);
    /* Fortran order: column-major storage of [[1, 2, 3], [4, 5, 6]] */
    const int16_t col[6] = {1, 4, 2, 5, 3, 6};
    npy(&b, "<i2", "True", "(2, 3)", col, sizeof col);
    double d[6] = {0};
    rc = fx_npy_parse((unsigned char *)b.s, b.len, "t", FX_DATA_AT_PATH, &h, &e);
    if (rc == 0)
        fx_npy_to_doubles(&h, (unsigned char *)b.s + h.data_at, d);
    int ok = rc == 0;
    for (int i = 0; i < 6; i++)
        ok = ok && d[i] == i + 1;
    CHECK(&C, ok, "Fortran order comes out in C order");
    fx_buf_free(&b);
    const int8_t neg[3] = {-128, -1, 127};
    npy(&b, "|i1", "False", "(3,)", neg, sizeof neg);
    rc = fx_npy_parse((unsigned char *)b.s, b.len, "t", FX_DATA_AT_PATH, &h, &e);
    if (rc == 0)
        fx_npy_to_doubles(&h, (unsigned char *)b.s + h.data_at, d);
    CHECK(&C, rc == 0 && d[0] == -128 && d[1] == -1 && d[2] == 127, "int8 is signed");
    fx_buf_free(&b);
}

static void test_zip(void)
{
    FxZipWriter z;
    fx_zip_begin(&z);
    fx_zip_add(&z, "x.npy", "hello", 5);
    fx_zip_add(&z, "y.npy", "", 0);
    fx_zip_finish(&z);
    FxZipMember *ms = NULL;
    int n = 0;
    FxDataError e = {0};
    const unsigned char *b = (unsigned char *)z.out.s;
    int rc = fx_zip_members(b, z.out.len, "t", FX_DATA_AT_PATH, &ms, &n, &e);
    unsigned char *x = rc == 0 && n == 2 ? fx_zip_extract(b, z.out.len, "t", FX_DATA_AT_PATH,
                                                          &ms[0], &e) : NULL;
    CHECK(&C, x && !strcmp(ms[0].name, "x.npy") && ms[0].usize == 5 && !memcmp(x, "hello", 5) &&
          !strcmp(ms[1].name, "y.npy"), "a zip written is read back, member by member");
    free(x);
    free(ms);
    int bad = 0;
    for (size_t k = 0; k < z.out.len; k++) {
        unsigned char *cut = malloc(k ? k : 1);
        memcpy(cut, z.out.s, k);
        memset(&e, 0, sizeof e);
        if (fx_zip_members(cut, k, "t", FX_DATA_AT_PATH, &ms, &n, &e) == 0) {
            for (int i = 0; i < n; i++)
                free(fx_zip_extract(cut, k, "t", FX_DATA_AT_PATH, &ms[i], &e));
            free(ms);
        } else {
            bad += !e.msg[0];
        }
        free(cut);
    }
    CHECK(&C, bad == 0, "each of the %zu truncations of an archive fails with a message",
          z.out.len);
    fx_zip_free(&z);
}

int main(void)
{
    test_header();
    test_convert();
    test_zip();
    return checks_done(&C);
}
