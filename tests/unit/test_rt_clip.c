/* Tests gradient clipping against torch.nn.utils.clip_grad_norm_ and
 * clip_grad_value_ (tests/fixtures/rt_clip.txt, from gen_rt_optim.py):
 * returned norm and clipped gradients within 1e-6 relative; plus the
 * non-finite and degenerate cases. Knows nothing of the fx language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "fixture_lines.h"
#include "rt.h"

static int close_all(const float *a, const float *b, size_t n, double *worst)
{
    *worst = 0;
    for (size_t i = 0; i < n; i++) {
        double d = fabs((double)a[i] - b[i]);
        double e = d / (1e-12 + 1e-6 * fabs((double)b[i]));
        if (!(e <= *worst))
            *worst = e;
    }
    return *worst <= 1;
}

static void test_fixtures(Checks *c)
{
    FixLines L;
    if (fix_open(&L, "tests/fixtures/rt_clip.txt")) {
        CHECK(c, 0, "tests/fixtures/rt_clip.txt opens");
        return;
    }
    int cases = 0;
    while (fix_next(&L)) {
        int is_norm = strcmp(L.tok[0], "norm") == 0;
        if (!is_norm && strcmp(L.tok[0], "value") != 0)
            continue;
        char name[64];
        snprintf(name, sizeof name, "%s", L.tok[1]);
        size_t n = (size_t)atol(L.tok[2]);
        double limit = strtod(L.tok[3], NULL);
        double norm_type = is_norm ? strtod(L.tok[4], NULL) : 0;
        float *g = malloc(n * sizeof *g), *want = malloc(n * sizeof *want);
        double total_want = 0, worst;
        fix_expect(&L, "g");
        fix_floats(&L, 1, g, n);
        if (is_norm) {
            fix_expect(&L, "total");
            total_want = strtod(L.tok[1], NULL);
        }
        fix_expect(&L, "out");
        fix_floats(&L, 1, want, n);
        if (is_norm) {
            double total = rt_clip_grad_norm(g, n, limit, norm_type);
            CHECK_CLOSE(c, total, total_want, 1e-6, 0, name);
        } else {
            rt_clip_grad_value(g, n, limit);
        }
        CHECK(c, close_all(g, want, n, &worst), "%s: gradients match torch "
              "(worst %.2g of 1e-6 relative)", name, worst);
        free(g);
        free(want);
        cases++;
    }
    fix_close(&L);
    CHECK(c, cases == 8, "%d clipping cases read", cases);
}

static void test_edges(Checks *c)
{
    float g[3] = { 3, 4, 0 };
    double t = rt_clip_grad_norm(g, 3, 5.000001, 2.0);
    CHECK(c, t == 5.0 && g[0] == 3 && g[1] == 4,
          "norm 5 with max 5 + 1e-6 leaves the gradients unchanged");
    t = rt_clip_grad_norm(g, 3, 5.0, 2.0);
    CHECK_CLOSE(c, g[1], 4 * 5 / (5 + 1e-6), 1e-7, 0,
                "norm 5 with max 5 still scales by 5/(5+1e-6), as torch");
    float h2[3] = { 3, 4, 0 };
    t = rt_clip_grad_norm(h2, 3, 1.0, 2.0);
    CHECK_CLOSE(c, h2[0], 3 / (5 + 1e-6), 1e-7, 0, "scaled by 1/(5+1e-6)");
    CHECK(c, t == 5.0, "returns the norm before clipping");

    float z[2] = { 0, 0 };
    t = rt_clip_grad_norm(z, 2, 1.0, 2.0);
    CHECK(c, t == 0 && z[0] == 0 && z[1] == 0, "all-zero gradients");
    t = rt_clip_grad_norm(NULL, 0, 1.0, 2.0);
    CHECK(c, t == 0, "empty array: norm 0");

    float bad[3] = { 1, NAN, 2 };
    t = rt_clip_grad_norm(bad, 3, 1.0, 2.0);
    CHECK(c, isnan(t) && isnan(bad[0]),
          "a NaN gradient gives a NaN norm and NaN gradients, as in torch");
    float big[2] = { INFINITY, 1 };
    t = rt_clip_grad_norm(big, 2, 1.0, INFINITY);
    CHECK(c, isinf(t) && big[1] == 0 && isnan(big[0]),
          "an inf gradient: inf norm, factor 0 (inf*0 = NaN), as in torch");
    float h[2] = { 1, 2 };
    t = rt_clip_grad_norm(h, 2, 0.1, 0.0);
    CHECK(c, isnan(t) && h[0] == 1 && h[1] == 2,
          "norm_type 0 is refused: NaN, gradients untouched");

    float v[4] = { -3, 0.5f, NAN, 7 };
    rt_clip_grad_value(v, 4, 1.0);
    CHECK(c, v[0] == -1 && v[1] == 0.5f && isnan(v[2]) && v[3] == 1,
          "value clipping clamps, keeps NaN as torch.clamp does");
}

int main(void)
{
    Checks c = { 0, 0 };
    test_fixtures(&c);
    test_edges(&c);
    return checks_done(&c);
}
