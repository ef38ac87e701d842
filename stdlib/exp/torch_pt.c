/* Reading a PyTorch state dict file (torch.save's zip format): the
 * archive's members through data/npy_zip.c, the pickle through
 * torch_pickle.c, then each tensor's elements gathered from its storage
 * (offset and strides checked against the storage's size) and converted
 * to floats. Refused: the format before PyTorch 1.6 (a bare pickle), an
 * archive without exactly one ARCHIVE/data.pkl, a big-endian byteorder
 * record, a storage file shorter than its tensors. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data/npy.h"
#include "torch_pt.h"

static unsigned char *slurp(const char *path, size_t *len, FxDataError *e)
{
    errno = 0;
    FILE *f = fopen(path, "rb");
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0)
        n = ftell(f);
    if (!f || n < 0 || fseek(f, 0, SEEK_SET) != 0 || (int64_t)n > rt_physical_memory()) {
        fx_data_error(e, FX_DATA_AT_PATH, "cannot read '%s': %s", path,
                      n > 0 ? "larger than this machine's memory" : strerror(errno ? errno : EIO));
        if (f)
            fclose(f);
        return NULL;
    }
    unsigned char *b = malloc(n ? (size_t)n : 1);
    size_t got = b ? fread(b, 1, (size_t)n, f) : 0;
    fclose(f);
    if (!b || got != (size_t)n) {
        fx_data_error(e, FX_DATA_AT_PATH, "cannot read '%s'", path);
        free(b);
        return NULL;
    }
    *len = (size_t)n;
    return b;
}

/* The member PREFIX/data.pkl, with no other folder in its name. */
static int find_pickle(const FxZipMember *ms, int k, const char *path, char *prefix,
                       size_t cap, FxDataError *e)
{
    int found = -1;
    for (int i = 0; i < k; i++) {
        const char *s = ms[i].name, *slash = strchr(s, '/');
        if (slash && !strcmp(slash, "/data.pkl")) {
            if (found >= 0) {
                fx_data_error(e, FX_DATA_AT_PATH, "'%s' holds two pickles (%s and %s); a "
                              "torch.save file holds one", path, ms[found].name, s);
                return -1;
            }
            found = i;
            snprintf(prefix, cap, "%.*s", (int)(slash - s + 1), s);
        }
    }
    if (found < 0) {
        fx_data_error(e, FX_DATA_AT_PATH, "'%s' is a zip archive without an ARCHIVE/data.pkl: "
                      "not a file torch.save wrote", path);
        fx_data_hint(e, "save the weights with torch.save(model.state_dict(), \"w.pt\")");
    }
    return found;
}

static const FxZipMember *member(const FxZipMember *ms, int k, const char *name)
{
    for (int i = 0; i < k; i++)
        if (!strcmp(ms[i].name, name))
            return &ms[i];
    return NULL;
}

static float element(const FxPtTensor *t, const unsigned char *p)
{
    uint64_t v = 0;
    for (int k = 0; k < t->elem; k++)
        v |= (uint64_t)p[k] << (8 * k);
    if (!strcmp(t->dtype, "F64")) {
        double d;
        memcpy(&d, &v, 8);
        return (float)d;
    }
    if (!strcmp(t->dtype, "F32")) {
        uint32_t u = (uint32_t)v;
        float f;
        memcpy(&f, &u, 4);
        return f;
    }
    return !strcmp(t->dtype, "BF16") ? rt_bf16_to_f32((uint16_t)v) : rt_f16_to_f32((uint16_t)v);
}

static int is_float(const char *dt)
{
    return !strcmp(dt, "F32") || !strcmp(dt, "F64") || !strcmp(dt, "F16") || !strcmp(dt, "BF16");
}

/* The elements of tensor t, in row-major order, from its storage bytes s
 * (len bytes), into a new array; bounds checked. */
static int gather(const FxPtTensor *t, const unsigned char *s, uint64_t len, const char *path,
                  float **out, FxDataError *e)
{
    int64_t count = 1, last = t->offset, room = len / (uint64_t)t->elem;
    if (t->numel < room)
        room = t->numel;        /* elements of the storage */
    int past = t->offset < 0 || t->offset > room;
    for (int d = 0; d < t->ndim; d++) {
        if (t->dim[d] < 0 || t->stride[d] < 0) {
            fx_data_error(e, FX_DATA_AT_PATH, "'%s': tensor '%.200s' has a negative size or "
                          "stride", path, t->name);
            return -1;
        }
        if (t->dim[d] == 0)
            count = 0;
        else if (count && t->dim[d] > room / count)
            past = 1;           /* more elements than its storage holds */
        else if (count)
            count *= t->dim[d];
        if (count > room)
            past = 1;
        if (t->dim[d] > 1 && t->stride[d] && t->dim[d] - 1 > (room - last) / t->stride[d])
            past = 1;
        else if (!past && t->dim[d] > 1)
            last += (t->dim[d] - 1) * t->stride[d];
    }
    if (count && (past || last >= room)) {
        fx_data_error(e, FX_DATA_AT_PATH, "'%s': tensor '%.200s' reaches past the end of its "
                      "storage data/%s (%llu bytes)", path, t->name, t->key,
                      (unsigned long long)len);
        return -1;
    }
    float *f = malloc((size_t)count * sizeof *f + 1);
    if (!f)
        abort();
    int64_t idx[RT_MAX_DIMS] = {0};
    for (int64_t i = 0; i < count; i++) {
        int64_t at = t->offset;
        for (int d = 0; d < t->ndim; d++)
            at += idx[d] * t->stride[d];
        f[i] = element(t, s + at * t->elem);
        for (int d = t->ndim - 1; d >= 0; d--) {
            if (++idx[d] < t->dim[d])
                break;
            idx[d] = 0;
        }
    }
    *out = f;
    return 0;
}

/* A one-element I64 tensor's value (num_batches_tracked), bounds checked. */
static int read_count(const FxPtTensor *t, const unsigned char *s, uint64_t len,
                      const char *path, RtWeightSrc *w, FxDataError *e)
{
    uint64_t v = 0;
    if (t->offset < 0 || t->offset >= t->numel || (uint64_t)t->offset >= len / 8) {
        fx_data_error(e, FX_DATA_AT_PATH, "'%s': tensor '%.200s' reaches past the end of its "
                      "storage data/%s (%llu bytes)", path, t->name, t->key,
                      (unsigned long long)len);
        return -1;
    }
    for (int k = 0; k < 8; k++)
        v |= (uint64_t)s[t->offset * 8 + k] << (8 * k);
    memcpy(&w->ivalue, &v, 8);
    w->has_ivalue = 1;
    return 0;
}

/* Tensors into src, their storages read from the archive. */
static int read_tensors(const unsigned char *b, size_t len, const char *path,
                        const FxZipMember *ms, int k, const char *prefix,
                        const FxPtTensor *t, int nt, RtWeightSrc *src, FxDataError *e)
{
    for (int i = 0; i < nt; i++) {
        src[i].name = strdup(t[i].name);
        src[i].dtype = !strcmp(t[i].dtype, "F32") ? "F32" : !strcmp(t[i].dtype, "F64") ? "F64"
                     : !strcmp(t[i].dtype, "F16") ? "F16" : !strcmp(t[i].dtype, "BF16") ? "BF16"
                     : !strcmp(t[i].dtype, "I64") ? "I64" : "an integer dtype";
        src[i].shape = rt_shape(t[i].ndim, t[i].dim);
        int count = !strcmp(t[i].dtype, "I64") && rt_shape_numel(&src[i].shape) == 1;
        if (!is_float(t[i].dtype) && !count)
            continue;
        char nm[300];
        snprintf(nm, sizeof nm, "%sdata/%s", prefix, t[i].key);
        const FxZipMember *m = member(ms, k, nm);
        if (!m) {
            fx_data_error(e, FX_DATA_AT_PATH, "'%s' has no storage %s for tensor '%.200s'",
                          path, nm, t[i].name);
            return -1;
        }
        unsigned char *s = fx_zip_extract(b, len, path, FX_DATA_AT_PATH, m, e);
        if (!s)
            return -1;
        float *f = NULL;
        int rc = count ? read_count(&t[i], s, m->usize, path, &src[i], e)
                       : gather(&t[i], s, m->usize, path, &f, e);
        free(s);
        if (rc)
            return -1;
        src[i].data = f;
    }
    return 0;
}

int fx_pt_read(const char *path, RtWeightSrc **out, int64_t *n, FxDataError *e)
{
    size_t len = 0;
    *out = NULL;
    *n = 0;
    unsigned char *b = slurp(path, &len, e);
    if (!b)
        return -1;
    FxZipMember *ms = NULL;
    int k = 0, nt = 0, rc = -1;
    FxPtTensor *t = NULL;
    char prefix[260];
    if (fx_zip_members(b, len, path, FX_DATA_AT_PATH, &ms, &k, e) == 0 &&
        find_pickle(ms, k, path, prefix, sizeof prefix, e) >= 0) {
        char nm[300];
        snprintf(nm, sizeof nm, "%sdata.pkl", prefix);
        const FxZipMember *pm = member(ms, k, nm);
        snprintf(nm, sizeof nm, "%sbyteorder", prefix);
        const FxZipMember *bo = member(ms, k, nm);
        unsigned char *order = bo ? fx_zip_extract(b, len, path, FX_DATA_AT_PATH, bo, e) : NULL;
        unsigned char *pk = (!bo || order) ? fx_zip_extract(b, len, path, FX_DATA_AT_PATH, pm, e)
                                           : NULL;
        if (order && !(bo->usize == 6 && !memcmp(order, "little", 6))) {
            fx_data_error(e, FX_DATA_AT_PATH, "'%s' was saved big-endian; fx reads "
                          "little-endian state dicts", path);
        } else if (pk && fx_pt_unpickle(pk, (size_t)pm->usize, path, &t, &nt, e) == 0) {
            RtWeightSrc *src = calloc((size_t)nt + 1, sizeof *src);
            if (!src)
                abort();
            rc = read_tensors(b, len, path, ms, k, prefix, t, nt, src, e);
            if (rc)
                rt_weights_src_free(src, nt);
            else {
                *out = src;
                *n = nt;
            }
        }
        free(order);
        free(pk);
    }
    free(ms);
    fx_pt_tensors_free(t, nt);
    free(b);
    return rc;
}
