/* Putting tensors read from a weight file (safetensors, or a PyTorch
 * state dict) into a model: deciding which file tensor goes to which of
 * the model's, checking every shape first, then copying. By name when
 * every name in the file is one of the model's ("layers.3.weight");
 * otherwise by position in PyTorch's order, layer by layer: weight, bias,
 * running_mean, running_var, which is the order of an nn.Sequential's
 * state_dict whatever its names ("0.weight", "features.0.bias", ...); or
 * by a list of the file's names given in that order. PyTorch's
 * "*.num_batches_tracked" goes to the batchnorm layer's count, by name or
 * with its module's running_var. Also exact conversions of float16 and
 * bfloat16 bit patterns. Knows nothing of file formats or of the fx
 * language. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_internal.h"

float rt_f16_to_f32(uint16_t h)
{
    int s = h >> 15, x = (h >> 10) & 31, m = h & 1023;
    float r = x == 0 ? ldexpf((float)m, -24)
            : x == 31 ? (m ? NAN : INFINITY) : ldexpf((float)(m + 1024), x - 25);
    return s ? -r : r;
}

float rt_bf16_to_f32(uint16_t h)
{
    uint32_t u = (uint32_t)h << 16;
    float f;
    memcpy(&f, &u, 4);
    return f;
}

int rt_weights_skipped(const char *name)
{
    size_t n = strlen(name), k = strlen("num_batches_tracked");
    return n >= k && strcmp(name + n - k, "num_batches_tracked") == 0 &&
           (n == k || name[n - k - 1] == '.');
}

/* A name's last part ranked as a PyTorch module lists its tensors. */
static int part_rank(const char *s, size_t n)
{
    static const char *const names[] = {"weight", "bias", "running_mean", "running_var",
                                        "num_batches_tracked"};
    for (int i = 0; i < 5; i++)
        if (strlen(names[i]) == n && !strncmp(s, names[i], n))
            return i;
    return 5;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

/* PyTorch's state_dict order recovered from names alone: dotted parts
 * compared in turn, module indices as numbers ("2" before "10"), the last
 * part as weight, bias, running_mean, running_var, num_batches_tracked,
 * other parts as text. */
static int torch_name_cmp(const void *pa, const void *pb)
{
    const char *a = ((const RtWeightSrc *)pa)->name, *b = ((const RtWeightSrc *)pb)->name;
    for (;;) {
        size_t na = strcspn(a, "."), nb = strcspn(b, ".");
        int last_a = a[na] == 0, last_b = b[nb] == 0;
        int c;
        if (last_a && last_b)
            c = part_rank(a, na) - part_rank(b, nb);
        else if (last_a != last_b)
            c = last_a ? -1 : 1;   /* a module's own tensors before its children's */
        else if (all_digits(a, na) && all_digits(b, nb) && na != nb)
            c = na < nb ? -1 : 1;  /* no leading zeros in module indices */
        else
            c = 0;
        if (c == 0) {
            c = strncmp(a, b, na < nb ? na : nb);
            if (c == 0 && na != nb)
                c = na < nb ? -1 : 1;
        }
        if (c != 0 || (last_a && last_b))
            return c;
        a += na + 1;
        b += nb + 1;
    }
}

void rt_weights_sort_torch(RtWeightSrc *src, int64_t n)
{
    if (n > 1)
        qsort(src, (size_t)n, sizeof *src, torch_name_cmp);
}

/* The model's tensor indices in PyTorch's order: by layer, each layer's
 * parameters before its buffers (stable: the runtime lists all params,
 * then all buffers). */
void rt_weights_torch_order(RtModel *m, int *order)
{
    int nt = rt_model_tensor_count(m), k = 0;
    for (int L = 0; L < rt_model_layers(m); L++)
        for (int i = 0; i < nt; i++) {
            RtNamedTensor t;
            rt_model_tensor(m, i, &t);
            if (t.layer == L)
                order[k++] = i;
        }
}

/* "layers.<digits>.<anything>": the runtime's own naming. */
static int fx_named(const char *s)
{
    if (strncmp(s, "layers.", 7) != 0 || s[7] < '0' || s[7] > '9')
        return 0;
    for (s += 7; *s >= '0' && *s <= '9'; s++)
        ;
    return *s == '.';
}

/* By name when every name is the model's, or every name has the
 * runtime's form (an fx file: a name it lacks is then an error, not a
 * reason to guess). */
static int by_name(RtModel *m, const RtWeightSrc *src, int64_t n)
{
    int all = 1, fx = 1;
    for (int64_t i = 0; i < n; i++) {
        RtNamedTensor t;
        if (rt_weights_skipped(src[i].name))
            continue;
        if (rt_model_find_tensor(m, src[i].name, &t) < 0)
            all = 0;
        if (!fx_named(src[i].name))
            fx = 0;
    }
    return all || fx;
}

static int check_float(const RtWeightSrc *s, const char *path, RtError *err)
{
    if (s->data)
        return 0;
    rt_error_set(err, RT_ERR_FORMAT, "%s: tensor '%.200s' is %s; weights must be "
                 "floats (F32, F64, F16 or BF16)", path, s->name, s->dtype);
    return -1;
}

/* The batchnorm layer whose running_var model tensor i is, or -1. */
static int count_layer(RtModel *m, int i)
{
    RtNamedTensor t;
    const char *v = ".running_var";
    size_t n, k = strlen(v);
    if (rt_model_tensor(m, i, &t) < 0 ||
        rt_model_layer_spec(m, t.layer)->kind != RT_LAYER_BATCHNORM)
        return -1;
    n = strlen(t.name);
    return n > k && !strcmp(t.name + n - k, v) ? t.layer : -1;
}

/* The length of a name's module: up to its last dot ("" for none). */
static size_t module_len(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot ? (size_t)(dot - name) : 0;
}

static int same_module(const char *a, const char *b)
{
    size_t na = module_len(a), nb = module_len(b);
    return na == nb && !strncmp(a, b, na);
}

/* src[j], a num_batches_tracked, as batchnorm layer L's count: -2 - L. */
static int put_count(const RtWeightSrc *s, int L, const char *path, int *map,
                     RtError *err)
{
    char a[RT_SHAPE_STR_SIZE];
    if (!s->has_ivalue) {
        rt_error_set(err, RT_ERR_FORMAT, "%s: '%.200s' is %s %s; a "
                     "num_batches_tracked is one integer (I64, shape [])", path,
                     s->name, s->dtype, rt_shape_str(&s->shape, a, sizeof a));
        return -1;
    }
    *map = -2 - L;
    return 0;
}

/* "layers.<L>.num_batches_tracked" for a batchnorm layer L: L, else -1. */
static int fx_count_layer(RtModel *m, const char *name)
{
    char want[64];
    for (int L = 0; L < rt_model_layers(m); L++) {
        if (rt_model_layer_spec(m, L)->kind != RT_LAYER_BATCHNORM)
            continue;
        snprintf(want, sizeof want, "layers.%d.num_batches_tracked", L);
        if (!strcmp(name, want))
            return L;
    }
    return -1;
}

static int map_names(RtModel *m, const RtWeightSrc *src, int64_t n,
                     const char *path, int *map, RtError *err)
{
    char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
    RtNamedTensor t;
    for (int64_t j = 0; j < n; j++) {
        int skip = rt_weights_skipped(src[j].name);
        int L = skip ? fx_count_layer(m, src[j].name) : -1;
        if (skip && L >= 0) {
            if (put_count(&src[j], L, path, &map[j], err) < 0)
                return -1;
        } else if (skip || rt_model_find_tensor(m, src[j].name, &t) < 0) {
            rt_error_set(err, RT_ERR_SHAPE, "%s: tensor '%.200s' in the file "
                         "is not in the model", path, src[j].name);
            return -1;
        }
    }
    for (int i = 0; i < rt_model_tensor_count(m); i++) {
        rt_model_tensor(m, i, &t);
        int64_t k = 0;
        while (k < n && strcmp(src[k].name, t.name) != 0)
            k++;
        if (k == n) {
            rt_error_set(err, RT_ERR_SHAPE, "%s: the model's %s (%s) is not in "
                         "the file", path, t.name, rt_model_layer_name(m, t.layer));
            return -1;
        }
        if (check_float(&src[k], path, err) < 0)
            return -1;
        if (!rt_shape_equal(&src[k].shape, &t.shape)) {
            rt_error_set(err, RT_ERR_SHAPE, "%s: %s has shape %s in the file, "
                         "the model's is %s", path, t.name,
                         rt_shape_str(&src[k].shape, a, sizeof a),
                         rt_shape_str(&t.shape, b, sizeof b));
            return -1;
        }
        map[k] = i;
    }
    return 0;
}

static int map_positions(RtModel *m, const RtWeightSrc *src, int64_t n,
                         const char *path, int *map, const int *order,
                         RtError *err)
{
    char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
    int nt = rt_model_tensor_count(m), k = 0;
    int64_t used = 0, prev = -1;
    for (int64_t i = 0; i < n; i++) {
        if (rt_weights_skipped(src[i].name)) {
            int L = prev >= 0 ? count_layer(m, map[prev]) : -1;
            if (L >= 0 && same_module(src[prev].name, src[i].name)) {
                if (put_count(&src[i], L, path, &map[i], err) < 0)
                    return -1;
                continue;
            }
            rt_error_set(err, RT_ERR_SHAPE, "%s: '%.200s' does not follow the "
                         "running_var of a batchnorm in the same module "
                         "(tensors map by position: the file's names are not "
                         "the model's)", path, src[i].name);
            return -1;
        }
        used++;
        prev = i;
        if (k == nt) {
            rt_error_set(err, RT_ERR_SHAPE, "%s: the file has more tensors than "
                         "the model's %d: '%.200s' %s is left over (tensors map "
                         "by position: the file's names are not the model's)",
                         path, nt, src[i].name, rt_shape_str(&src[i].shape, a, sizeof a));
            return -1;
        }
        RtNamedTensor t;
        rt_model_tensor(m, order[k], &t);
        if (check_float(&src[i], path, err) < 0)
            return -1;
        if (!rt_shape_equal(&src[i].shape, &t.shape)) {
            rt_error_set(err, RT_ERR_SHAPE, "%s: the file's tensor %lld, '%.200s', "
                         "has shape %s; the model's tensor %d at that position, "
                         "%s of %s, has shape %s (tensors map by position: the "
                         "file's names are not the model's)", path,
                         (long long)used, src[i].name,
                         rt_shape_str(&src[i].shape, a, sizeof a), k + 1, t.name,
                         rt_model_layer_name(m, t.layer),
                         rt_shape_str(&t.shape, b, sizeof b));
            return -1;
        }
        map[i] = order[k++];
    }
    if (k < nt) {
        RtNamedTensor t;
        rt_model_tensor(m, order[k], &t);
        rt_error_set(err, RT_ERR_SHAPE, "%s: the file has %lld tensors, the model "
                     "%d: nothing in the file for the model's %s of %s, shape %s "
                     "(tensors map by position: the file's names are not the "
                     "model's)", path, (long long)used, nt, t.name,
                     rt_model_layer_name(m, t.layer),
                     rt_shape_str(&t.shape, b, sizeof b));
        return -1;
    }
    return 0;
}

int rt_weights_map(RtModel *m, const RtWeightSrc *src, int64_t n,
                   const char *path, int *map, int *positional, RtError *err)
{
    for (int64_t i = 0; i < n; i++)
        map[i] = -1;
    *positional = !by_name(m, src, n);
    if (!*positional)
        return map_names(m, src, n, path, map, err);
    int *order = rt_alloc(rt_model_tensor_count(m) + 1, sizeof *order,
                          "tensor order", err);
    if (!order)
        return -1;
    rt_weights_torch_order(m, order);
    int rc = map_positions(m, src, n, path, map, order, err);
    rt_free(order);
    return rc;
}

/* The index in src of name (n if none), and whether it is there. */
static int64_t find_src(const RtWeightSrc *src, int64_t n, const char *name)
{
    int64_t j = 0;
    while (j < n && strcmp(src[j].name, name) != 0)
        j++;
    return j;
}

/* src[j] as the model's tensor at position k of PyTorch's order, for the
 * name at item k; its num_batches_tracked, when it is a running_var. */
static int put_given(RtModel *m, const RtWeightSrc *src, int64_t n, int64_t j,
                     int k, int model_i, const char *path, int *map,
                     RtError *err)
{
    char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE], cnt[300];
    RtNamedTensor t;
    rt_model_tensor(m, model_i, &t);
    if (check_float(&src[j], path, err) < 0)
        return -1;
    if (!rt_shape_equal(&src[j].shape, &t.shape)) {
        rt_error_set(err, RT_ERR_SHAPE, "%s: '%.200s' has shape %s; the model's "
                     "tensor %d, %s of %s, has shape %s", path, src[j].name,
                     rt_shape_str(&src[j].shape, a, sizeof a), k + 1, t.name,
                     rt_model_layer_name(m, t.layer),
                     rt_shape_str(&t.shape, b, sizeof b));
        return -1;
    }
    map[j] = model_i;
    int L = count_layer(m, model_i);
    if (L < 0)
        return 0;
    size_t ml = module_len(src[j].name);
    snprintf(cnt, sizeof cnt, "%.*s%snum_batches_tracked", (int)ml, src[j].name,
             ml ? "." : "");
    int64_t c = find_src(src, n, cnt);
    return c < n ? put_count(&src[c], L, path, &map[c], err) : 0;
}

int rt_weights_map_given(RtModel *m, const RtWeightSrc *src, int64_t n,
                         const char *const *names, int count,
                         const char *path, int *map, int *item, RtError *err)
{
    char b[RT_SHAPE_STR_SIZE];
    int nt = rt_model_tensor_count(m), rc = 0;
    for (int64_t i = 0; i < n; i++)
        map[i] = -1;
    *item = -1;
    int *order = rt_alloc(nt + 1, sizeof *order, "tensor order", err);
    if (!order)
        return -1;
    rt_weights_torch_order(m, order);
    for (int k = 0; k < count && k < nt && rc == 0; k++) {
        int64_t j = find_src(src, n, names[k]);
        *item = k;
        RtNamedTensor t, u;
        rt_model_tensor(m, order[k], &t);
        if (rt_weights_skipped(names[k])) {
            rt_error_set(err, RT_ERR_SHAPE, "'%.200s' is a batchnorm's count, not "
                         "one of the model's tensors: leave it out (it comes with "
                         "its module's running_var); name %d is for %s of %s",
                         names[k], k + 1, t.name, rt_model_layer_name(m, t.layer));
            rc = -1;
        } else if (j == n) {
            rt_error_set(err, RT_ERR_SHAPE, "%s has no tensor '%.200s' (for the "
                         "model's %s of %s)", path, names[k], t.name,
                         rt_model_layer_name(m, t.layer));
            rc = -1;
        } else if (map[j] >= 0) {
            rt_model_tensor(m, map[j], &u);
            rt_error_set(err, RT_ERR_SHAPE, "'%.200s' is named twice: for %s and "
                         "for %s", names[k], u.name, t.name);
            rc = -1;
        } else {
            rc = put_given(m, src, n, j, k, order[k], path, map, err);
        }
    }
    if (rc == 0 && count != nt) {
        *item = count > nt ? nt : -1;
        RtNamedTensor t;
        if (count > nt) {
            rt_error_set(err, RT_ERR_SHAPE, "names: lists %d tensors, the model "
                         "has %d: '%.200s' is left over", count, nt, names[nt]);
        } else {
            rt_model_tensor(m, order[count], &t);
            rt_error_set(err, RT_ERR_SHAPE, "names: lists %d tensors, the model "
                         "has %d: nothing for the model's %s of %s, shape %s",
                         count, nt, t.name, rt_model_layer_name(m, t.layer),
                         rt_shape_str(&t.shape, b, sizeof b));
        }
        rc = -1;
    }
    rt_free(order);
    return rc;
}

void rt_weights_apply(RtModel *m, const RtWeightSrc *src, int64_t n,
                      const int *map)
{
    for (int64_t i = 0; i < n; i++) {
        RtNamedTensor t;
        if (map[i] <= -2)
            rt_model_set_batches_tracked(m, -2 - map[i], src[i].ivalue);
        else if (map[i] >= 0 && rt_model_tensor(m, map[i], &t) == 0)
            memcpy(t.data, src[i].data, (size_t)t.count * sizeof *t.data);
    }
}

/* The torch name of model tensor i: "3.weight" for layers.3.weight. */
void rt_weights_torch_name(RtModel *m, int i, char *out, size_t cap)
{
    RtNamedTensor t;
    rt_model_tensor(m, i, &t);
    const char *s = t.name;
    if (strncmp(s, "layers.", 7) == 0)
        s += 7;
    snprintf(out, cap, "%s", s);
}
