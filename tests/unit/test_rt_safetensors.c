/* Weight files: a round trip through safetensors; a file Python wrote by
 * hand; every truncation and a byte-by-byte garbling of a real file (must
 * fail cleanly or load, never crash); a table of malformed headers, each
 * with the message it must give; hostile header lengths; files for another
 * model (names, shapes, dtype), which must leave the model untouched. */
#include <fcntl.h>
#include <math.h>
#include "check.h"
#include "rt_train_internal.h"
#include "train_util.h"

static RtModel *net(int64_t hidden, uint64_t seed)
{
    RtLayerSpec l[] = {rt_layer_conv2d(3, 3, 1, 1), rt_layer_batchnorm(),
                       rt_layer_relu(), rt_layer_flatten(),
                       rt_layer_dense(hidden)};
    RtShape in = rt_shape3(2, 4, 4);
    RtModel *m = rt_model_new(l, 5, &in, 4, TU_TORCH, NULL);
    rt_model_init(m, seed);
    int64_t nb;
    float *b = rt_model_buffers(m, &nb);
    for (int64_t i = 0; i < nb; i++)        /* running stats worth saving */
        b[i] = 0.5f + 0.25f * (float)i;
    return m;
}

static long file_bytes(const char *path, unsigned char **out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *out = malloc((size_t)n + 1);
    if (fread(*out, 1, (size_t)n, f) != (size_t)n)
        n = -1;
    fclose(f);
    return n;
}

/* A file of a header length field (0: the text's length), header text,
 * then `data` zero bytes. */
static void put_file(const char *path, uint64_t hlen, const char *hdr,
                     size_t data)
{
    FILE *f = fopen(path, "wb");
    hlen = hlen ? hlen : strlen(hdr);
    for (int i = 0; i < 8; i++)
        fputc((int)(hlen >> (8 * i) & 0xFF), f);
    fputs(hdr, f);
    for (size_t i = 0; i < data; i++)
        fputc(0, f);
    fclose(f);
}

static void test_round_trip(Checks *c, const char *path)
{
    RtError err = {0};
    RtModel *a = net(5, 1), *b = net(5, 2);
    rt_model_set_batches_tracked(a, 1, 5000000123LL);
    int rc = rt_weights_save(a, path, &err);
    int rc2 = rc == 0 ? rt_weights_load(b, path, &err) : -1;
    CHECK(c, rc == 0 && rc2 == 0 && tu_same_weights(a, b),
          "save and load: every weight and running statistic comes back bit "
          "for bit%s%s", rc2 ? ": " : "", rc2 ? err.msg : "");
    CHECK(c, rc2 == 0 && rt_model_batches_tracked(b, 1) == 5000000123LL,
          "save and load: the batchnorm's num_batches_tracked comes back (%lld)",
          (long long)rt_model_batches_tracked(b, 1));
    unsigned char *bytes = NULL;
    long n = file_bytes(path, &bytes);
    uint64_t hlen = 0;
    for (int i = 7; n >= 8 && i >= 0; i--)
        hlen = hlen << 8 | bytes[i];
    int64_t np, nb;
    rt_model_params(a, &np);
    rt_model_buffers(a, &nb);
    CHECK(c, n > 8 && hlen % 8 == 0 && (uint64_t)n == 8 + hlen + 4 * (np + nb) + 8 &&
          memcmp(bytes + 8, "{\"__metadata__\":{\"format\":\"pt\"", 30) == 0 &&
          strstr((char *)bytes + 8, "\"layers.1.running_var\":{\"dtype\":"
                 "\"F32\",\"shape\":[3],") &&
          strstr((char *)bytes + 8, "\"layers.1.num_batches_tracked\":{\"dtype\":"
                 "\"I64\",\"shape\":[],"),
          "the file: a header padded to 8 bytes with format pt, F32 tensors "
          "named layers.<i>.<what>, then %lld floats and the batchnorm's I64 "
          "num_batches_tracked", (long long)(np + nb));
    free(bytes);
    char tmp[300];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    CHECK(c, access(tmp, F_OK) != 0, "no temporary file is left behind");
    rt_model_free(a);
    rt_model_free(b);
}

static void test_python_file(Checks *c)
{
    RtError err = {0};
    RtLayerSpec l[] = {rt_layer_dense(16), rt_layer_batchnorm(), rt_layer_relu(),
                       rt_layer_dropout(0.5), rt_layer_dense(3)};
    l[0].no_bias = 1;
    RtShape in = rt_shape1(6);
    RtModel *m = rt_model_new(l, 5, &in, 4, TU_TORCH, NULL);
    int rc = rt_weights_load(m, "tests/fixtures/rt_train_bn_dropout_init."
                             "safetensors", &err);
    RtNamedTensor w, v;
    rt_model_find_tensor(m, "layers.4.weight", &w);
    rt_model_find_tensor(m, "layers.1.running_var", &v);
    double s = 0;
    for (int64_t i = 0; i < w.count; i++)
        s += w.data[i];
    CHECK(c, rc == 0 && v.data[0] == 1.0f && v.data[15] == 1.0f && s != 0,
          "a file Python wrote by hand from a PyTorch state_dict loads, its "
          "I64 num_batches_tracked skipped%s%s", rc ? ": " : "",
          rc ? err.msg : "");
    rt_model_free(m);
}

/* Every prefix of a real file fails with a format error and leaves the
 * model alone; every one-byte garbling of its header either loads or fails
 * the same way, and none crashes. One scratch file is rewritten in place
 * (pwrite, ftruncate) to keep this quick. */
static void test_damage(Checks *c, const char *path, const char *bad)
{
    RtError err = {0};
    RtModel *a = net(2, 3), *b = net(2, 4), *keep = net(2, 4);
    rt_weights_save(a, path, &err);
    unsigned char *bytes = NULL;
    long n = file_bytes(path, &bytes);
    int fd = open(bad, O_RDWR | O_CREAT | O_TRUNC, 0644);
    int cut_ok = n > 0 && fd >= 0 && pwrite(fd, bytes, (size_t)n, 0) == n;
    for (long len = n - 1; cut_ok && len >= 0; len--) {
        cut_ok &= ftruncate(fd, len) == 0;
        err = (RtError){0};
        int rc = rt_weights_load(b, bad, &err);
        cut_ok &= rc == -1 && err.code == RT_ERR_FORMAT && err.msg[0] &&
                  strstr(err.msg, bad);
    }
    CHECK(c, cut_ok && tu_same_weights(b, keep),
          "all %ld truncations are refused with a format error naming the "
          "file; the model is untouched", n);

    static const unsigned char subst[] = {0, '"', '{', '}', ',', '[', '9', '-',
                                          '\\', 0xC3, 0xFF, ' ', 'x'};
    uint64_t hlen = 0;
    for (int i = 7; i >= 0; i--)
        hlen = hlen << 8 | bytes[i];
    long tried = 0, refused = 0, loaded = 0;
    int clean = fd >= 0 && pwrite(fd, bytes, (size_t)n, 0) == n;
    for (uint64_t p = 0; clean && p < 8 + hlen; p++)
        for (size_t k = 0; k < sizeof subst; k++) {
            if (bytes[p] == subst[k])
                continue;
            clean &= pwrite(fd, &subst[k], 1, (off_t)p) == 1;
            err = (RtError){0};
            int rc = rt_weights_load(b, bad, &err);
            clean &= pwrite(fd, &bytes[p], 1, (off_t)p) == 1;
            tried++;
            if (rc == 0) {
                loaded++;
                rt_model_copy_weights(b, keep, NULL);
            } else {
                refused++;
                clean &= err.msg[0] != 0 && (err.code == RT_ERR_FORMAT ||
                                             err.code == RT_ERR_SHAPE);
            }
            clean &= tu_same_weights(b, keep);
        }
    CHECK(c, clean && refused > 0 && tried == refused + loaded,
          "%ld one-byte garblings of the header: %ld refused with a message, "
          "%ld still valid (padding, digits of data); none crashed or changed "
          "the model on failure", tried, refused, loaded);
    if (fd >= 0)
        close(fd);
    free(bytes);
    rt_model_free(a);
    rt_model_free(b);
    rt_model_free(keep);
}

static void test_headers(Checks *c)
{
    /* header, data bytes, the message's key words (NULL: valid) */
    static const struct {
        const char *hdr;
        uint64_t    data;
        const char *want;
    } t[] = {
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, NULL},
        {" { \"__metadata__\" : { } , \"a\" : { \"data_offsets\" : [ 0 , 8 ] , "
         "\"shape\" : [ 2 ] , \"dtype\" : \"F32\" } }   ", 8, NULL},
        {"{}", 0, NULL},
        {"{\"a\\u00e9\\ud83d\\ude00\":{\"dtype\":\"U8\",\"shape\":[],"
         "\"data_offsets\":[0,1]}}", 1, NULL},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8, "lacks data_offsets"},
        {"{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8, "lacks a shape"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 8,
         "span 4 bytes, its shape and dtype need 8"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
         "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
         "overlapping"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
         "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12,
         "hole"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8,
         "4 bytes after the last tensor"},
        {"{}", 4, "no tensors"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
         "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8,
         "'a' appears twice"},
        {"{\"a\":{\"dtype\":\"F31\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4,
         "unknown dtype 'F31'"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],"
         "\"x\":1}}", 4, "unknown field 'x'"},
        {"{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],"
         "\"data_offsets\":[0,4]}}", 4, "'dtype' twice"},
        {"{\"__metadata__\":{\"k\":1}}", 0, "must be strings"},
        {"{\"__metadata__\":{},\"__metadata__\":{}}", 0, "twice"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},}", 4,
         "expected a string"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1,],\"data_offsets\":[0,4]}}", 4,
         "non-negative integer"},
        {"{} x", 0, "text after"},
        {"[]", 0, "expected '{'"},
        {"", 0, "expected '{'"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[01],\"data_offsets\":[0,4]}}", 4,
         "leading zero"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4,
         "non-negative integer"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}", 4,
         "expected an integer"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999],"
         "\"data_offsets\":[0,4]}}", 4, "too large"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4],"
         "\"data_offsets\":[0,4]}}", 4, "shape too large"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1,1,1,1,1,1,1],"
         "\"data_offsets\":[0,4]}}", 4, "more than 6 values"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,4]}}", 4,
         "more than 2 values"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}", 4,
         "outside"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 4,
         "outside the 4 data bytes"},
        {"{\"a\\x\":{}}", 0, "bad escape"},
        {"{\"a\\udc00\":{}}", 0, "lone low surrogate"},
        {"{\"a\\ud800x\":{}}", 0, "high surrogate"},
        {"{\"a\\u00zz\":{}}", 0, "bad hex digit"},
        {"{\"a\\u0000\":{}}", 0, "\\u0000"},
        {"{\"a\xff\":{}}", 0, "invalid UTF-8"},
        {"{\"a\xc0\xaf\":{}}", 0, "invalid UTF-8"},
        {"{\"a\xed\xa0\x80\":{}}", 0, "invalid UTF-8"},
        {"{\"a\tb\":{}}", 0, "control character"},
        {"{\"abc", 0, "unterminated string"},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}", 4,
         "expected ','"},
    };
    int all = 1;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        RtError err = {0};
        RtStEntry *e = NULL;
        int64_t n = 0;
        size_t len = strlen(t[i].hdr);
        char *h = malloc(len + 1);
        memcpy(h, t[i].hdr, len + 1);
        int rc = rt_st_parse(h, len, t[i].data, "x.safetensors", &e, &n, &err);
        int ok = t[i].want ? rc == -1 && err.code == RT_ERR_FORMAT &&
                             strstr(err.msg, t[i].want) &&
                             strstr(err.msg, "x.safetensors")
                           : rc == 0;
        if (!ok)
            printf("# header %zu: rc %d, \"%s\"\n", i, rc, err.msg);
        all &= ok;
        rt_free(e);
        free(h);
    }
    CHECK(c, all, "%zu hand-made headers: valid ones parse (padding, spaces, "
          "escapes, UTF-8 names), each malformed one gives its message",
          sizeof t / sizeof *t);

    RtError err = {0};
    RtStEntry *e = NULL;
    int64_t n = 0;
    char h[] = "{\"a\\u00e9\\ud83d\\ude00\":{\"dtype\":\"U8\",\"shape\":[],"
               "\"data_offsets\":[0,1]}}";
    int rc = rt_st_parse(h, strlen(h), 1, "x", &e, &n, &err);
    CHECK(c, rc == 0 && n == 1 && strcmp(e[0].name, "a\xc3\xa9\xf0\x9f\x98\x80")
          == 0 && e[0].ndim == 0 && e[0].count == 1 && e[0].elem == 1,
          "escapes decode to UTF-8, surrogate pairs included; a 0-d tensor has "
          "one element");
    rt_free(e);
    char m[] = "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]} "
               "\x01";
    char z[] = "{}\0";
    rc = rt_st_parse(z, 3, 0, "x", &e, &n, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "text after"), "a NUL after the "
          "object is not padding: %s", err.msg);
    char at[32];
    snprintf(at, sizeof at, "at byte %d", (int)(strchr(m, 1) - m) + 8);
    rc = rt_st_parse(m, strlen(m), 4, "x", &e, &n, &err);
    CHECK(c, rc == -1 && strstr(err.msg, at), "errors give the byte offset in "
          "the file: %s", err.msg);
}

static void test_lengths(Checks *c, const char *bad)
{
    RtError err = {0};
    RtModel *m = net(2, 5);
    put_file(bad, UINT64_C(1) << 63, "{}", 0);
    int rc = rt_weights_load(m, bad, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_FORMAT && strstr(err.msg, "100 MB"),
          "a header length of 2^63: %s", err.msg);
    put_file(bad, 50, "{}", 10);
    rc = rt_weights_load(m, bad, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "runs past the end"),
          "a header length past the end of the file: %s", err.msg);
    put_file(bad, 2, "", 0);
    rc = rt_weights_load(m, bad, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "runs past the end"), "a file of 8 "
          "bytes with a 2-byte header: %s", err.msg);
    FILE *f = fopen(bad, "wb");
    fputs("{}", f);
    fclose(f);
    rc = rt_weights_load(m, bad, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "2 bytes, too short"), "a file of 2 "
          "bytes: %s", err.msg);
    remove(bad);
    rc = rt_weights_load(m, bad, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_IO && strstr(err.msg, bad),
          "a missing file is an I/O error naming it");
    rc = rt_weights_load(m, "tests", &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_IO && strstr(err.msg, "regular"),
          "a directory: %s", err.msg);
    rc = rt_weights_save(m, "/nonexistent-dir/w.safetensors", &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_IO &&
          strstr(err.msg, "/nonexistent-dir/w.safetensors"),
          "saving where one cannot write: %s", err.msg);
    rt_model_free(m);
}

static void test_mismatch(Checks *c, const char *path, const char *bad)
{
    RtError err = {0};
    RtModel *a = net(4, 1), *b = net(5, 2), *keep = net(5, 2);
    rt_weights_save(a, path, &err);
    int rc = rt_weights_load(b, path, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_SHAPE &&
          strstr(err.msg, "layers.4.weight has shape [4, 48] in the file, the "
                 "model's is [5, 48]") && tu_same_weights(b, keep),
          "a shape mismatch names the tensor and both shapes: %s", err.msg);

    RtLayerSpec l1[] = {rt_layer_dense(3), rt_layer_relu(), rt_layer_dense(2)};
    RtLayerSpec l2[] = {rt_layer_dense(3), rt_layer_dense(2)};
    RtLayerSpec l3[] = {rt_layer_dense(3), rt_layer_relu(), rt_layer_dense(2),
                        rt_layer_relu(), rt_layer_dense(2)};
    RtShape in = rt_shape1(2);
    RtModel *x = rt_model_new(l1, 3, &in, 1, TU_TORCH, NULL);
    RtModel *y = rt_model_new(l2, 2, &in, 1, TU_TORCH, NULL);
    RtModel *z = rt_model_new(l3, 5, &in, 1, TU_TORCH, NULL);
    rt_weights_save(x, path, &err);
    rc = rt_weights_load(y, path, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_SHAPE &&
          strstr(err.msg, "'layers.2.weight' in the file is not in the model"),
          "a tensor the model lacks is named: %s", err.msg);
    rc = rt_weights_load(z, path, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_SHAPE &&
          strstr(err.msg, "the model's layers.4.weight (dense(2)) is not in "
                 "the file"), "a tensor the file lacks is named: %s", err.msg);

    put_file(bad, 0, "{\"layers.0.weight\":{\"dtype\":\"F64\",\"shape\":[3,2],"
             "\"data_offsets\":[0,48]},\"layers.0.bias\":{\"dtype\":\"F32\","
             "\"shape\":[3],\"data_offsets\":[48,60]}}", 60);
    RtLayerSpec l4[] = {rt_layer_dense(3)};
    RtModel *w = rt_model_new(l4, 1, &in, 1, TU_TORCH, NULL);
    rc = rt_weights_load(w, bad, &err);
    RtNamedTensor wt;
    rt_model_tensor(w, 0, &wt);
    CHECK(c, rc == 0 && wt.data[0] == 0.0f, "F64 tensors are converted to F32 "
          "on load: %s", rc ? err.msg : "ok");
    put_file(bad, 0, "{\"layers.0.weight\":{\"dtype\":\"I32\",\"shape\":[3,2],"
             "\"data_offsets\":[0,24]},\"layers.0.bias\":{\"dtype\":\"F32\","
             "\"shape\":[3],\"data_offsets\":[24,36]}}", 36);
    rc = rt_weights_load(w, bad, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_FORMAT &&
          strstr(err.msg, "'layers.0.weight' is I32; weights must be floats"),
          "an integer tensor: %s", err.msg);
    remove(bad);
    rt_model_free(a);
    rt_model_free(b);
    rt_model_free(keep);
    rt_model_free(x);
    rt_model_free(y);
    rt_model_free(z);
    rt_model_free(w);
}

/* The order PyTorch's state_dict gives, recovered from names alone, as a
 * safetensors file (sorted by name) needs for mapping by position. */
static void test_torch_order(Checks *c)
{
    const char *given[] = {"m.10.weight", "m.2.bias", "m.2.num_batches_tracked", "m.10.bias",
                           "m.2.running_var", "m.2.weight", "m.2.running_mean", "m.1.weight",
                           "m.2.sub.weight", "m.1.bias"};
    const char *want[] = {"m.1.weight", "m.1.bias", "m.2.weight", "m.2.bias",
                          "m.2.running_mean", "m.2.running_var", "m.2.num_batches_tracked",
                          "m.2.sub.weight", "m.10.weight", "m.10.bias"};
    RtWeightSrc src[10];
    memset(src, 0, sizeof src);
    for (int i = 0; i < 10; i++)
        src[i].name = given[i];
    rt_weights_sort_torch(src, 10);
    int ok = 1;
    for (int i = 0; i < 10; i++)
        ok &= strcmp(src[i].name, want[i]) == 0;
    CHECK(c, ok, "tensors sort into PyTorch's order: module indices as numbers (2 before "
          "10), weight, bias, running_mean, running_var, num_batches_tracked, then children");
}

int main(void)
{
    Checks c = {0};
    char path[256], bad[256];
    tu_tmpname(path, sizeof path, "weights");
    tu_tmpname(bad, sizeof bad, "damaged");
    test_round_trip(&c, path);
    test_python_file(&c);
    test_damage(&c, path, bad);
    test_headers(&c);
    test_lengths(&c, bad);
    test_mismatch(&c, path, bad);
    test_torch_order(&c);
    remove(path);
    remove(bad);
    return checks_done(&c);
}
