/* Unit tests of the runtime's shapes, tensors and checked allocation:
 * printing, element counts, and refused over-large requests. */
#include <string.h>
#include "check.h"
#include "rt.h"

static void test_shapes(Checks *c)
{
    char b[RT_SHAPE_STR_SIZE];
    RtShape s = rt_shape4(64, 32, 8, 8);
    CHECK(c, strcmp(rt_shape_str(&s, b, sizeof b), "[64, 32, 8, 8]") == 0,
          "shape prints as %s", b);
    RtShape e = rt_shape(0, NULL);
    CHECK(c, strcmp(rt_shape_str(&e, b, sizeof b), "[]") == 0 &&
             rt_shape_numel(&e) == 1, "scalar shape prints as %s, numel 1", b);
    CHECK(c, rt_shape_numel(&s) == 64 * 32 * 8 * 8, "numel of [64, 32, 8, 8]");
    RtShape big = rt_shape3(INT64_C(1) << 40, INT64_C(1) << 40, 4);
    CHECK(c, rt_shape_numel(&big) == -1, "numel overflow gives -1");
    RtShape six = rt_shape(6, (int64_t[]){INT64_MAX, INT64_MAX, INT64_MAX,
                                          INT64_MAX, INT64_MAX, INT64_MAX});
    rt_shape_str(&six, b, sizeof b);
    CHECK(c, strlen(b) < RT_SHAPE_STR_SIZE && b[strlen(b) - 1] == ']',
          "six huge dims fit RT_SHAPE_STR_SIZE (%zu chars)", strlen(b));
    RtShape s2 = rt_shape4(64, 32, 8, 8);
    RtShape s3 = rt_shape3(64, 32, 8);
    CHECK(c, rt_shape_equal(&s, &s2) && !rt_shape_equal(&s, &s3),
          "shape equality");
    char small[6];
    rt_shape_str(&s, small, sizeof small);
    CHECK(c, strlen(small) == 5, "truncated print stays in its buffer: %s",
          small);
}

static void test_tensors(Checks *c)
{
    RtError err = {0};
    RtShape s = rt_shape3(3, 5, 7);
    RtTensor *t = rt_tensor_new(&s, &err);
    int zero = t != NULL;
    for (int64_t i = 0; t && i < rt_tensor_numel(t); i++)
        zero &= t->data[i] == 0.0f;
    CHECK(c, t && rt_tensor_numel(t) == 105 && zero,
          "tensor [3, 5, 7] is 105 zeros");
    CHECK(c, t && ((uintptr_t)t->data % 64) == 0, "tensor data 64-byte aligned");
    rt_tensor_free(t);
    rt_tensor_free(NULL);
}

static void test_nomem(Checks *c)
{
    RtError err = {0};
    RtShape huge = rt_shape3(100000, 100000, 1000);   /* 4e13 bytes */
    RtTensor *t = rt_tensor_new(&huge, &err);
    CHECK(c, !t && err.code == RT_ERR_NOMEM && strstr(err.msg, "GiB"),
          "larger than physical memory: RT_ERR_NOMEM (%s)", err.msg);
    err = (RtError){0};
    RtShape over = rt_shape3(INT64_C(1) << 31, INT64_C(1) << 31, 8);
    t = rt_tensor_new(&over, &err);
    CHECK(c, !t && err.code == RT_ERR_NOMEM && strstr(err.msg, "overflow"),
          "size overflow: RT_ERR_NOMEM (%s)", err.msg);
    err = (RtError){0};
    RtShape near = rt_shape1(INT64_MAX / 2);   /* numel fits, bytes do not */
    t = rt_tensor_new(&near, &err);
    CHECK(c, !t && err.code == RT_ERR_NOMEM, "byte count overflow: %s", err.msg);
    err = (RtError){0};
    RtShape neg = rt_shape2(3, -1);
    t = rt_tensor_new(&neg, &err);
    CHECK(c, !t && err.code == RT_ERR_SHAPE && strstr(err.msg, "[3, -1]"),
          "negative dim: %s", err.msg);
    err = (RtError){0};
    RtShape seven = {7, {1, 2, 3, 4, 5, 6}};
    char b[RT_SHAPE_STR_SIZE];
    t = rt_tensor_new(&seven, &err);
    CHECK(c, !t && err.code == RT_ERR_SHAPE && rt_shape_numel(&seven) == -1,
          "ndim 7: %s", err.msg);
    rt_shape_str(&seven, b, sizeof b);
    CHECK(c, strcmp(b, "[bad shape: 7 dims]") == 0, "ndim 7 prints as %s", b);
    err = (RtError){0};
    void *p = rt_alloc(-5, 4, "thing", &err);
    CHECK(c, !p && err.code == RT_ERR_NOMEM && strstr(err.msg, "thing"),
          "negative count refused, message names it: %s", err.msg);
    CHECK(c, rt_physical_memory() > 0, "physical memory %.3g GB",
          rt_physical_memory() / 1e9);
}

/* The caller's budget (err.max_bytes) refuses a request before anything is
 * allocated, names it with both sizes, and survives rt_error_set. */
static void test_budget(Checks *c)
{
    RtError err = {0};
    err.max_bytes = 1 << 20;
    void *p = rt_alloc(1 << 18, sizeof(float), "exactly", &err);
    CHECK(c, p && err.code == RT_OK, "a request of exactly the budget is allocated");
    rt_free(p);
    p = rt_alloc((1 << 18) + 1, sizeof(float), "weights", &err);
    CHECK(c, !p && err.code == RT_ERR_BUDGET &&
          strstr(err.msg, "weights needs 1.0 MiB, more than the memory budget of 1.0 MiB"),
          "one float over the budget is refused: %s", err.msg);
    CHECK(c, err.max_bytes == 1 << 20, "the budget stays after an error");
    RtShape big = rt_shape2(1000, 1000);
    RtTensor *t = rt_tensor_new(&big, &err);
    CHECK(c, !t && err.code == RT_ERR_BUDGET && strstr(err.msg, "3.8 MiB"),
          "a tensor over the budget: %s", err.msg);
    RtError other = {0};
    rt_error_set(&other, RT_ERR_SHAPE, "shape");
    rt_error_copy(&err, &other);
    CHECK(c, err.code == RT_ERR_SHAPE && err.max_bytes == 1 << 20,
          "rt_error_copy keeps the budget");
    char b[32];
    CHECK(c, !strcmp(rt_bytes_text(512, b), "512 bytes") &&
          !strcmp(rt_bytes_text(1536, b), "1.5 KiB") &&
          !strcmp(rt_bytes_text(INT64_C(20) << 30, b), "20.0 GiB"), "byte texts");
}

int main(void)
{
    Checks c = {0};
    test_shapes(&c);
    test_tensors(&c);
    test_nomem(&c);
    test_budget(&c);
    return checks_done(&c);
}
