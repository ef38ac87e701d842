/* Fuzz target of the safetensors reader behind load_weights and
 * checkpoints: the header parser (JSON, dtypes, shapes, offsets, layout)
 * and, for what parses, reading every F32 tensor. Any bytes must parse
 * or fail with a message, never read out of bounds, leak or crash. The
 * input is a whole file (8-byte header length, header, data); it goes
 * through a temporary file, as load_weights reads one. Driver: see
 * fuzz_driver.h. */
#include <unistd.h>
#include "rt.h"
#include "rt_train_internal.h"

#define FUZZ_NAME "fuzz_safetensors"
#define FUZZ_COUNT 4000
#define FUZZ_HOT {0, 0xff, 0x7f, 0x80, '{', '}', '[', ']', ',', ':', '"', '\\', '-', '0', \
                  '9', 'e', ' ', 'F', 'u', 'n'}
#include "fuzz_driver.h"

static int fuzz_one(const unsigned char *b, size_t n)
{
    char path[] = "/tmp/fx_fuzz_st_XXXXXX";
    if (fuzz_temp_file(path, b, n) < 0)
        return 0;
    RtStFile f;
    RtError e = {0};
    int ok = 0;
    if (rt_st_open(&f, path, &e) == 0) {
        ok = 1;
        for (int64_t i = 0; i < f.n; i++) {
            const RtStEntry *en = &f.e[i];
            if (strcmp(en->dtype, "F32") || en->count > (1 << 16))
                continue;
            float *out = malloc((size_t)en->count * sizeof *out + 1);
            RtError re = {0};
            if (rt_st_read_f32(&f, en, out, path, &re) < 0 && !re.msg[0])
                abort();
            free(out);
        }
        rt_st_close(&f);
    } else if (!e.msg[0]) {
        abort();   /* a refusal must say why */
    }
    unlink(path);
    return ok;
}

static void le64(FxBuf *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        fx_buf_put(b, (const char[]){(char)(v >> (8 * i))}, 1);
}

static void seed(FxBuf *b, const char *hdr, size_t data)
{
    fx_buf_init(b);
    le64(b, strlen(hdr));
    fx_buf_puts(b, hdr);
    for (size_t i = 0; i < data; i++)
        fx_buf_put(b, (const char[]){(char)(i * 29)}, 1);
}

static int fuzz_seeds(FxBuf *sd, int max)
{
    static const char *const h[] = {
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
        "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}",
        "{\"__metadata__\":{\"format\":\"pt\"},\"w\":{\"dtype\":\"F32\",\"shape\":[],"
        "\"data_offsets\":[0,4]}}",
        "{\"x\\u00e9\\n\":{\"dtype\":\"F16\",\"shape\":[1,1,2],\"data_offsets\":[0,4]},"
        "\"y\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[4,12]}}   ",
        "{\"e\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}",
        "{}",
    };
    static const size_t data[] = {32, 4, 12, 0, 0};
    int n = 0;
    for (size_t i = 0; i < sizeof h / sizeof *h && n < max; i++)
        seed(&sd[n++], h[i], data[i]);
    return n;
}
