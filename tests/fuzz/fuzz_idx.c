/* Fuzz target of the IDX reader behind load_idx (plain and gzip): the
 * input is written to a temporary file and read once as the images (with
 * two valid labels) and once as the labels (with two valid images), so
 * both headers and the data of either are reached. Every input loads or
 * fails with a message, never a crash, a leak or a read out of bounds.
 * Driver: see fuzz_driver.h. */
#include <unistd.h>
#include <zlib.h>
#include "data/data.h"

#define FUZZ_NAME "fuzz_idx"
#define FUZZ_COUNT 2000
#define FUZZ_HOT {0, 1, 2, 3, 8, 9, 0x0d, 0x1f, 0x8b, 0x7f, 0x80, 0xff, 0xfe, 4, 5, 6, 7, \
                  0x10, 0x20, 0x40}
#include "fuzz_driver.h"

static const unsigned char labels2[] = {0, 0, 8, 1, 0, 0, 0, 2, 0, 1};
static const unsigned char images2[] = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2,
                                        10, 20, 30, 40};

static int load(const char *im, const char *lb)
{
    FxDataError e = {0};
    e.max_bytes = 64 << 20;
    FxDataset *d = fx_idx_load(im, lb, 0, 0, &e);
    if (!d && !e.msg[0])
        abort();   /* a refusal must say why */
    fx_dataset_free(d);
    return d != NULL;
}

static int fuzz_one(const unsigned char *b, size_t n)
{
    char in[] = "/tmp/fx_fuzz_idx_XXXXXX", lb[] = "/tmp/fx_fuzz_idxl_XXXXXX",
         im[] = "/tmp/fx_fuzz_idxi_XXXXXX";
    int ok = 0;
    if (fuzz_temp_file(in, b, n) == 0 && fuzz_temp_file(lb, labels2, sizeof labels2) == 0 &&
        fuzz_temp_file(im, images2, sizeof images2) == 0)
        ok = load(in, lb) | load(im, in);
    unlink(in);
    unlink(lb);
    unlink(im);
    return ok;
}

static void gz(FxBuf *out, const unsigned char *b, size_t n)
{
    unsigned char z[256];
    z_stream s;
    memset(&s, 0, sizeof s);
    deflateInit2(&s, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);   /* 31: gzip */
    s.next_in = (unsigned char *)b;
    s.avail_in = (unsigned)n;
    s.next_out = z;
    s.avail_out = sizeof z;
    deflate(&s, Z_FINISH);
    fx_buf_init(out);
    fx_buf_put(out, (const char *)z, sizeof z - s.avail_out);
    deflateEnd(&s);
}

static int fuzz_seeds(FxBuf *sd, int max)
{
    if (max < 4)
        return 0;
    fx_buf_init(&sd[0]);
    fx_buf_put(&sd[0], (const char *)images2, sizeof images2);
    fx_buf_init(&sd[1]);
    fx_buf_put(&sd[1], (const char *)labels2, sizeof labels2);
    gz(&sd[2], images2, sizeof images2);
    gz(&sd[3], labels2, sizeof labels2);
    return 4;
}
