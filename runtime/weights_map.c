/* Putting tensors read from a weight file (safetensors, or a PyTorch
 * state dict) into a model: deciding which file tensor goes to which of
 * the model's, checking every shape first, then copying. By name when
 * every name in the file is one of the model's ("layers.3.weight");
 * otherwise by position in PyTorch's order, layer by layer: weight, bias,
 * running_mean, running_var, which is the order of an nn.Sequential's
 * state_dict whatever its names ("0.weight", "features.0.bias", ...).
 * PyTorch's "*.num_batches_tracked" has no place in the runtime and is
 * skipped either way. Also exact conversions of float16 and bfloat16 bit
 * patterns. Knows nothing of file formats or of the fx language. */
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
static void torch_order(RtModel *m, int *order)
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

static int map_names(RtModel *m, const RtWeightSrc *src, int64_t n,
                     const char *path, int *map, RtError *err)
{
    char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
    RtNamedTensor t;
    for (int64_t j = 0; j < n; j++)
        if (!rt_weights_skipped(src[j].name) &&
            rt_model_find_tensor(m, src[j].name, &t) < 0) {
            rt_error_set(err, RT_ERR_SHAPE, "%s: tensor '%.200s' in the file "
                         "is not in the model", path, src[j].name);
            return -1;
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
    int64_t used = 0;
    for (int64_t i = 0; i < n; i++) {
        if (rt_weights_skipped(src[i].name))
            continue;
        used++;
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
    torch_order(m, order);
    int rc = map_positions(m, src, n, path, map, order, err);
    rt_free(order);
    return rc;
}

void rt_weights_apply(RtModel *m, const RtWeightSrc *src, int64_t n,
                      const int *map)
{
    for (int64_t i = 0; i < n; i++) {
        RtNamedTensor t;
        if (map[i] >= 0 && rt_model_tensor(m, map[i], &t) == 0)
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
