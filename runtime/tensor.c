/* Shapes, tensors and checked allocation for the training runtime. Every
 * size is checked for overflow, against the caller's memory budget and
 * against physical memory before any allocation, so an impossible request is an error value, never a crash.
 * Knows nothing of the fx language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rt.h"

#define RT_ALIGN 64

int64_t rt_physical_memory(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || page <= 0)
        return INT64_MAX;   /* unknown: let malloc decide */
    if ((int64_t)pages > INT64_MAX / page)
        return INT64_MAX;
    return (int64_t)pages * page;
}

int rt_budget_check(int64_t bytes, const char *what, RtError *err)
{
    const char *w = what ? what : "buffer";
    char need[32], have[32];
    if (err && err->max_bytes > 0 && bytes > err->max_bytes) {
        rt_error_set(err, RT_ERR_BUDGET, "%s needs %s, more than the memory budget of %s", w,
                     rt_bytes_text(bytes, need), rt_bytes_text(err->max_bytes, have));
        return -1;
    }
    int64_t phys = rt_physical_memory();
    if (bytes > phys) {
        rt_error_set(err, RT_ERR_NOMEM, "%s needs %s, more than the machine's %s", w,
                     rt_bytes_text(bytes, need), rt_bytes_text(phys, have));
        return -1;
    }
    return 0;
}

void *rt_alloc(int64_t count, size_t size, const char *what, RtError *err)
{
    const char *w = what ? what : "buffer";
    if (count < 0 || size == 0 || (uint64_t)count > (uint64_t)INT64_MAX / size) {
        rt_error_set(err, RT_ERR_NOMEM, "%s: size overflows (%lld x %zu bytes)",
                     w, (long long)count, size);
        return NULL;
    }
    int64_t bytes = count * (int64_t)size;
    if (rt_budget_check(bytes, w, err) < 0)
        return NULL;
    size_t rounded = ((size_t)bytes + RT_ALIGN - 1) / RT_ALIGN * RT_ALIGN;
    if (rounded == 0)
        rounded = RT_ALIGN;
    void *p = aligned_alloc(RT_ALIGN, rounded);
    if (!p) {
        char need[32];
        rt_error_set(err, RT_ERR_NOMEM, "%s: out of memory allocating %s", w,
                     rt_bytes_text(bytes, need));
        return NULL;
    }
    memset(p, 0, rounded);
    return p;
}

void rt_free(void *p) { free(p); }

RtShape rt_shape(int ndim, const int64_t *dims)
{
    RtShape s;
    memset(&s, 0, sizeof s);
    s.ndim = ndim < 0 ? 0 : ndim > RT_MAX_DIMS ? RT_MAX_DIMS : ndim;
    for (int i = 0; i < s.ndim; i++)
        s.dim[i] = dims[i];
    return s;
}

RtShape rt_shape1(int64_t a) { return rt_shape(1, (int64_t[]){a}); }
RtShape rt_shape2(int64_t a, int64_t b) { return rt_shape(2, (int64_t[]){a, b}); }
RtShape rt_shape3(int64_t a, int64_t b, int64_t c)
{
    return rt_shape(3, (int64_t[]){a, b, c});
}
RtShape rt_shape4(int64_t a, int64_t b, int64_t c, int64_t d)
{
    return rt_shape(4, (int64_t[]){a, b, c, d});
}

static int valid_ndim(const RtShape *s)
{
    return s->ndim >= 0 && s->ndim <= RT_MAX_DIMS;
}

int rt_shape_reshape(const RtShape *target, int64_t numel, RtShape *out,
                     RtError *err)
{
    char sb[RT_SHAPE_STR_SIZE];
    int free_at = -1;
    int64_t known = 1;
    if (target->ndim < 1 || target->ndim > RT_MAX_DIMS - 1) {
        rt_error_set(err, RT_ERR_SHAPE, "a shape has 1 to %d sizes, got %d",
                     RT_MAX_DIMS - 1, target->ndim);
        return -1;
    }
    rt_shape_str(target, sb, sizeof sb);
    for (int i = 0; i < target->ndim; i++) {
        int64_t d = target->dim[i];
        if (d == -1 && free_at < 0) {
            free_at = i;
            continue;
        }
        if (d < 1) {
            rt_error_set(err, RT_ERR_SHAPE, "%s: sizes must be at least 1 (or "
                         "one of them -1, inferred)", sb);
            return -1;
        }
        if (known > INT64_MAX / d) {
            rt_error_set(err, RT_ERR_SHAPE, "%s holds more numbers than fit in "
                         "64 bits, not %lld", sb, (long long)numel);
            return -1;
        }
        known *= d;
    }
    *out = *target;
    if (free_at >= 0) {
        if (numel < 1 || numel % known != 0) {
            rt_error_set(err, RT_ERR_SHAPE, "%s cannot hold %lld numbers: %lld is "
                         "not a multiple of %lld", sb, (long long)numel,
                         (long long)numel, (long long)known);
            return -1;
        }
        out->dim[free_at] = numel / known;
        return 0;
    }
    if (known != numel) {
        rt_error_set(err, RT_ERR_SHAPE, "%s holds %lld numbers, not %lld", sb,
                     (long long)known, (long long)numel);
        return -1;
    }
    return 0;
}

int64_t rt_shape_numel(const RtShape *s)
{
    if (!valid_ndim(s))
        return -1;
    int64_t n = 1;
    for (int i = 0; i < s->ndim; i++) {
        if (s->dim[i] < 0)
            return -1;
        if (s->dim[i] != 0 && n > INT64_MAX / s->dim[i])
            return -1;
        n *= s->dim[i];
    }
    return n;
}

int rt_shape_equal(const RtShape *a, const RtShape *b)
{
    if (a->ndim != b->ndim || !valid_ndim(a))
        return 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->dim[i] != b->dim[i])
            return 0;
    return 1;
}

char *rt_shape_str(const RtShape *s, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    if (!valid_ndim(s)) {
        snprintf(buf, size, "[bad shape: %d dims]", s->ndim);
        return buf;
    }
    size_t at = 0;
    buf[0] = '\0';
    at += (size_t)snprintf(buf, size, "[");
    for (int i = 0; i < s->ndim && at < size; i++)
        at += (size_t)snprintf(buf + at, size - at, "%s%lld", i ? ", " : "",
                               (long long)s->dim[i]);
    if (at < size)
        snprintf(buf + at, size - at, "]");
    return buf;
}

RtTensor *rt_tensor_new(const RtShape *shape, RtError *err)
{
    char sb[RT_SHAPE_STR_SIZE];
    int64_t n = rt_shape_numel(shape);
    if (n < 0) {
        int neg = !valid_ndim(shape);
        for (int i = 0; !neg && i < shape->ndim; i++)
            neg |= shape->dim[i] < 0;
        rt_error_set(err, neg ? RT_ERR_SHAPE : RT_ERR_NOMEM,
                     neg ? "tensor shape %s is not a valid shape"
                         : "tensor of shape %s: size overflows",
                     rt_shape_str(shape, sb, sizeof sb));
        return NULL;
    }
    RtTensor *t = rt_alloc(1, sizeof *t, "tensor", err);
    if (!t)
        return NULL;
    t->shape = *shape;
    char what[RT_SHAPE_STR_SIZE + 16];
    snprintf(what, sizeof what, "tensor %s", rt_shape_str(shape, sb, sizeof sb));
    t->data = rt_alloc(n, sizeof(float), what, err);
    if (!t->data) {
        rt_free(t);
        return NULL;
    }
    return t;
}

void rt_tensor_free(RtTensor *t)
{
    if (!t)
        return;
    rt_free(t->data);
    rt_free(t);
}

int64_t rt_tensor_numel(const RtTensor *t) { return rt_shape_numel(&t->shape); }
