/* Fuzz target of the CSV parser behind load_csv: the first byte picks the
 * options (header or not, separator, label by name or index, classes or
 * regression), the rest is the text. Every input gives a data set or an
 * error with a message, never a crash, a leak or a read out of bounds.
 * Driver: see fuzz_driver.h. */
#include "data/data.h"

#define FUZZ_NAME "fuzz_csv"
#define FUZZ_COUNT 4000
#define FUZZ_HOT {0, 0xff, 0x80, ',', ';', '\t', '"', '\n', '\r', ' ', '-', '.', 'e', '9', \
                  '0', 'n', 'a', 'i', 'f', 'y'}
#include "fuzz_driver.h"

static int fuzz_one(const unsigned char *b, size_t n)
{
    if (n == 0)
        return 0;
    unsigned o8 = b[0];
    FxCsvOptions o = {0};
    o.header = !(o8 & 1);
    o.sep = (o8 & 6) == 2 ? ';' : (o8 & 6) == 4 ? '\t' : ',';
    o.label = o.header && (o8 & 8) ? "y" : NULL;
    o.label_index = o8 & 16 ? 0 : FX_CSV_LAST;
    o.classes = o8 & 32 ? 3 : 0;
    o.regression = !o.classes && (o8 & 64);
    FxDataError e = {0};
    e.max_bytes = 64 << 20;
    FxDataset *d = fx_csv_parse((const char *)b + 1, n - 1, "fuzz.csv", &o, &e);
    if (!d && !e.msg[0])
        abort();   /* a refusal must say why */
    fx_dataset_free(d);
    return d != NULL;
}

static int fuzz_seeds(FxBuf *sd, int max)
{
    static const char *const t[] = {
        "\x08" "a,b,y\n1,2,0\n3,4,1\n5.5,-6e2,2\n",
        "\x01" "1,2,0\n3,4,1\n",
        "\x0a" "a;b;y\n1;2;cat\n3;4;dog\n",
        "\x48" "x,y\n0.5,1.25\n-1,2e-3\n",
        "\x08" "\"a,1\",\"b\"\"q\",y\n1,2,0\r\n3,4,1\r\n",
        "\x30" "y,a\n0,1\n2,3\n",
        "\x04" "a\tb\ty\n1\t2\t0\n",
    };
    int n = 0;
    for (size_t i = 0; i < sizeof t / sizeof *t && n < max; i++) {
        fx_buf_init(&sd[n]);
        fx_buf_puts(&sd[n++], t[i]);
    }
    return n;
}
