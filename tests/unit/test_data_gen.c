/* Unit tests of the data generators and of split, take, normalize and
 * concat, through the interpreter: each generator's numbers are exactly
 * the documented draws from the documented RNG stream, and their
 * statistics match the distributions. Tolerances are several standard
 * errors wide (noted at each check), and the data are fixed by seeds, so
 * the tests are deterministic. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "fxrun.h"

static double mean_of(const float *x, int64_t n, int64_t stride, int64_t off)
{
    double s = 0;
    for (int64_t i = 0; i < n; i++)
        s += x[i * stride + off];
    return s / (double)n;
}

static double std_of(const float *x, int64_t n, int64_t stride, int64_t off)
{
    double m = mean_of(x, n, stride, off), s = 0;
    for (int64_t i = 0; i < n; i++)
        s += (x[i * stride + off] - m) * (x[i * stride + off] - m);
    return sqrt(s / (double)n);
}

/* ---- the numbers are the documented draws ------------------------------ */

static void test_streams(Checks *c, FxInterp *I)
{
    FxDataset *d = fxt_data(I, "a", "random_images(4, [2, 3], classes: 5, seed: 7)");
    CHECK(c, d && d->n == 4 && d->classes == 5 && d->shape.ndim == 2, "random_images made");
    if (!d)
        return;
    RtRng r = rt_rng(7, rt_stream(RT_STREAM_DATA, 0));
    float x[24];
    rt_rng_fill_normal(&r, x, 24, 0, 1);
    int same = memcmp(x, d->x, sizeof x) == 0;
    for (int i = 0; i < 4; i++)
        same &= d->y[i] == (float)rt_rng_below(&r, 5);
    CHECK(c, same, "seed: 7 is stream DATA 0 under seed 7: pixels, then labels");

    /* Without seed:, call k draws from stream DATA k under the script's seed (0). */
    FxDataset *p = fxt_data(I, "p", "random_images(3, 2)");
    FxDataset *q = fxt_data(I, "q", "random_images(3, 2)");
    RtRng r0 = rt_rng(0, rt_stream(RT_STREAM_DATA, 0)), r1 = rt_rng(0, rt_stream(RT_STREAM_DATA, 1));
    float x0[6], x1[6];
    rt_rng_fill_normal(&r0, x0, 6, 0, 1);
    rt_rng_fill_normal(&r1, x1, 6, 0, 1);
    CHECK(c, p && q && memcmp(p->x, x0, sizeof x0) == 0 && memcmp(q->x, x1, sizeof x1) == 0,
          "successive calls take streams 0 and 1; seed: did not move the counter");
    CHECK(c, fx_std(I)->data_calls == 2, "two calls counted (%llu)",
          (unsigned long long)fx_std(I)->data_calls);

    d = fxt_data(I, "u", "random_data(5, 3, dist: \"uniform\", low: -2, high: 3, seed: 1)");
    r = rt_rng(1, rt_stream(RT_STREAM_DATA, 0));
    float u[15];
    rt_rng_fill_uniform(&r, u, 15, -2, 3);
    CHECK(c, d && memcmp(u, d->x, sizeof u) == 0, "random_data uniform is rt_rng_fill_uniform");

    d = fxt_data(I, "g", "regression(fn(x) => 2*x + 1, 50, seed: 3)");
    r = rt_rng(3, rt_stream(RT_STREAM_DATA, 0));
    float gx[50], gz[50];
    rt_rng_fill_uniform(&r, gx, 50, 0, 10);
    rt_rng_fill_normal(&r, gz, 50, 0, 1);
    same = d != NULL;
    for (int i = 0; same && i < 50; i++)
        same = d->x[i] == gx[i] && d->y[i] == (float)(2.0 * fx_float_num(gx[i]) + 1 + gz[i]);
    CHECK(c, same, "regression: x uniform in [0, 10), then y = f(x) + noise, noise drawn after x");
}

/* ---- distributions --------------------------------------------------------- */

static void test_random_images(Checks *c, FxInterp *I)
{
    FxDataset *d = fxt_data(I, "img", "random_images(1000, [3, 32, 32], seed: 1)");
    if (!d) {
        CHECK(c, 0, "random_images(1000, [3, 32, 32])");
        return;
    }
    int64_t n = d->n * 3072;
    /* 3,072,000 N(0, 1) draws: the standard error of the mean is 5.7e-4 and
     * of the std 4.0e-4; 0.005 is about 9 of them. */
    CHECK_CLOSE(c, mean_of(d->x, n, 1, 0), 0, 0, 0.005, "pixel mean");
    CHECK_CLOSE(c, std_of(d->x, n, 1, 0), 1, 0, 0.005, "pixel std");
    int64_t *cnt = fx_dataset_counts(d), lo = cnt[0], hi = cnt[0];
    for (int k = 1; k < 10; k++) {
        lo = cnt[k] < lo ? cnt[k] : lo;
        hi = cnt[k] > hi ? cnt[k] : hi;
    }
    free(cnt);
    int ok = 1;
    for (int64_t i = 0; i < d->n; i++)
        ok &= d->y[i] >= 0 && d->y[i] < 10 && d->y[i] == floorf(d->y[i]);
    CHECK(c, ok, "labels are whole numbers 0..9");
    /* Binomial(1000, 0.1): sd 9.5; 60 to 140 is over 4 sd each way. */
    CHECK(c, lo > 60 && hi < 140, "class counts %lld to %lld near 100", (long long)lo,
          (long long)hi);
}

static void test_random_data(Checks *c, FxInterp *I)
{
    FxDataset *u = fxt_data(I, "ru", "random_data(20000, 5, dist: \"uniform\", low: 2, high: 4, seed: 2)");
    FxDataset *g = fxt_data(I, "rn", "random_data(20000, 5, mean: 3, std: 2, seed: 3)");
    FxDataset *t = fxt_data(I, "rt", "random_data(1000, 4, targets: 2, seed: 4)");
    if (!u || !g || !t) {
        CHECK(c, 0, "random_data calls");
        return;
    }
    int in = 1;
    for (int64_t i = 0; i < 100000; i++)
        in &= u->x[i] >= 2 && u->x[i] < 4;
    CHECK(c, in, "uniform features in [2, 4)");
    /* 100,000 draws: U(2, 4) has sd 0.577, se of the mean 0.0018; N(3, 2)
     * se of the mean 0.0063 and of the std 0.0045. */
    CHECK_CLOSE(c, mean_of(u->x, 100000, 1, 0), 3, 0, 0.01, "uniform mean");
    CHECK_CLOSE(c, std_of(u->x, 100000, 1, 0), 2 / sqrt(12), 0, 0.01, "uniform std");
    CHECK_CLOSE(c, mean_of(g->x, 100000, 1, 0), 3, 0, 0.04, "normal mean");
    CHECK_CLOSE(c, std_of(g->x, 100000, 1, 0), 2, 0, 0.03, "normal std");
    CHECK(c, u->classes == 2 && t->classes == 0 && t->ydim == 2, "classes 2 by default; "
          "targets: 2 is regression of width 2");
    CHECK_CLOSE(c, std_of(t->y, 2000, 1, 0), 1, 0, 0.1, "targets N(0, 1) (se 0.016)");
}

static void test_regression(Checks *c, FxInterp *I)
{
    FxDataset *d = fxt_data(I, "reg", "regression(fn(x) => x^3 + 2*x^2 - 5*x + 10, 20000, "
                                     "range: [-3, 3], noise: 10, seed: 5)");
    if (!d) {
        CHECK(c, 0, "regression()");
        return;
    }
    float *res = malloc(20000 * sizeof *res);
    int in = 1;
    for (int i = 0; i < 20000; i++) {
        double x = d->x[i];
        in &= x >= -3 && x < 3;
        res[i] = (float)(d->y[i] - (x * x * x + 2 * x * x - 5 * x + 10));
    }
    CHECK(c, in, "x in [-3, 3)");
    /* 20,000 residuals N(0, 10): se of the mean 0.07, of the std 0.05. */
    CHECK_CLOSE(c, mean_of(res, 20000, 1, 0), 0, 0, 0.4, "residual mean");
    CHECK_CLOSE(c, std_of(res, 20000, 1, 0), 10, 0, 0.3, "residual std = noise");
    free(res);
    d = fxt_data(I, "lin", "regression(fn(x) => x, 5, range: [1, 2], dist: \"linspace\", noise: 0)");
    CHECK(c, d && d->x[0] == 1 && d->x[2] == 1.5f && d->x[4] == 2 && d->y[3] == 1.75f,
          "dist: \"linspace\" spaces x evenly, ends included; noise 0 is exact");
}

static void test_blobs(Checks *c, FxInterp *I)
{
    FxDataset *d = fxt_data(I, "bl", "blobs(3000, centers: 4, features: 3, std: 0.5, seed: 6)");
    FxDataset *e = fxt_data(I, "be", "blobs(10, centers: [[0, 0], [5, -5]], std: 0)");
    if (!d || !e) {
        CHECK(c, 0, "blobs calls");
        return;
    }
    int64_t *cnt = fx_dataset_counts(d);
    CHECK(c, cnt[0] == 750 && cnt[3] == 750, "3000 points over 4 centers: 750 each");
    free(cnt);
    /* Class 0's spread around its own mean, per feature: 750 draws of
     * N(0, 0.5), se of the std 0.013. */
    float *pts = malloc(3000 * 3 * sizeof *pts);
    int64_t m = 0;
    for (int64_t i = 0; i < d->n; i++)
        if (d->y[i] == 0)
            memcpy(pts + 3 * m++, d->x + 3 * i, 3 * sizeof *pts);
    CHECK_CLOSE(c, std_of(pts, m, 3, 1), 0.5, 0, 0.05, "blob std");
    double cx = mean_of(pts, m, 3, 0);
    CHECK(c, cx > -10.1 && cx < 10.1, "center in [-10, 10) (%g)", cx);
    free(pts);
    int exact = 1;
    for (int64_t i = 0; i < e->n; i++)
        exact &= e->y[i] == 0 ? e->x[2 * i] == 0 && e->x[2 * i + 1] == 0
                               : e->x[2 * i] == 5 && e->x[2 * i + 1] == -5;
    CHECK(c, exact && e->classes == 2, "given centers with std 0 are hit exactly");
    int mixed = 0;
    for (int64_t i = 1; i < 5; i++)
        mixed |= d->y[i] != d->y[0];
    CHECK(c, mixed, "blobs are shuffled");
}

static void test_shapes(Checks *c, FxInterp *I)
{
    FxDataset *mo = fxt_data(I, "mo", "moons(1001, noise: 0)");
    FxDataset *ci = fxt_data(I, "ci", "circles(1000, noise: 0, factor: 0.3)");
    FxDataset *sp = fxt_data(I, "sp", "spirals(300, classes: 3, noise: 0)");
    if (!mo || !ci || !sp) {
        CHECK(c, 0, "toy set calls");
        return;
    }
    int ok = 1;
    int64_t *cnt = fx_dataset_counts(mo);
    CHECK(c, cnt[0] == 500 && cnt[1] == 501, "moons: n // 2 outer, the rest inner");
    free(cnt);
    for (int64_t i = 0; i < mo->n; i++) {
        double x = mo->x[2 * i], y = mo->x[2 * i + 1];
        if (mo->y[i] == 0)
            ok &= fabs(x * x + y * y - 1) < 1e-5 && y >= -1e-6;
        else
            ok &= fabs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < 1e-5 && y <= 0.5 + 1e-6;
    }
    CHECK(c, ok, "moons without noise lie on their half circles");
    ok = 1;
    for (int64_t i = 0; i < ci->n; i++) {
        double r = hypot(ci->x[2 * i], ci->x[2 * i + 1]);
        ok &= fabs(r - (ci->y[i] == 0 ? 1 : 0.3)) < 1e-5;
    }
    CHECK(c, ok, "circles without noise have radius 1 and factor");
    ok = 1;
    int seen[3][100] = {{0}};
    for (int64_t i = 0; i < sp->n; i++) {
        double r = hypot(sp->x[2 * i], sp->x[2 * i + 1]);
        int k = (int)lround(r * 99), j = (int)sp->y[i];
        ok &= fabs(r * 99 - k) < 1e-4 && k >= 0 && k < 100 && j >= 0 && j < 3;
        if (ok)
            seen[j][k]++;
        /* angle t = 4j + 4k/99 (mod 2 pi): the point is (r sin t, r cos t) */
        double t = 4.0 * j + 4.0 * k / 99;
        if (k > 0)
            ok &= fabs(sp->x[2 * i] - r * sin(t)) < 1e-5 && fabs(sp->x[2 * i + 1] - r * cos(t)) < 1e-5;
    }
    for (int j = 0; j < 3; j++)
        for (int k = 0; k < 100; k++)
            ok &= seen[j][k] == 1;
    CHECK(c, ok, "spirals without noise: radius linspace(0, 1), angle linspace(4j, 4j + 4)");
}

/* ---- split, take, normalize, concat ---------------------------------------- */

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

static void test_split(Checks *c, FxInterp *I)
{
    FxDataset *d = fxt_data(I, "sd", "random_data(1000, 3, seed: 2)");
    fxt_run(I, "let parts = split(sd, 0.25)");
    FxDataset *tr = fxt_data(I, "str", "parts.train");
    FxDataset *te = fxt_data(I, "ste", "parts.test");
    if (!d || !tr || !te) {
        CHECK(c, 0, "split calls");
        return;
    }
    CHECK(c, tr->n == 750 && te->n == 250, "0.25 of 1000: 250 test, 750 train");
    /* Disjoint and complete: the first features (continuous, so distinct)
     * of train and test together are those of d. */
    float *a = malloc(1000 * sizeof *a), *b = malloc(1000 * sizeof *b);
    for (int i = 0; i < 1000; i++)
        a[i] = d->x[3 * i];
    for (int i = 0; i < 750; i++)
        b[i] = tr->x[3 * i];
    for (int i = 0; i < 250; i++)
        b[750 + i] = te->x[3 * i];
    qsort(a, 1000, sizeof *a, cmp_float);
    qsort(b, 1000, sizeof *b, cmp_float);
    int distinct = 1;
    for (int i = 1; i < 1000; i++)
        distinct &= a[i] != a[i - 1];
    CHECK(c, distinct && memcmp(a, b, 1000 * sizeof *a) == 0, "train and test partition d");
    free(a);
    free(b);
    FxDataset *tail = fxt_data(I, "tail", "split(sd, 0.2, shuffle: false).test");
    CHECK(c, tail && tail->n == 200 && memcmp(tail->x, d->x + 3 * 800, 600 * sizeof(float)) == 0 &&
          memcmp(tail->y, d->y + 800, 200 * sizeof(float)) == 0,
          "shuffle: false takes the last 20%% in order");

    FxDataset *bl = fxt_data(I, "bl3", "blobs(1000, centers: 3)");
    FxDataset *st = fxt_data(I, "st", "split(bl3, 0.3, stratify: true).test");
    int64_t *cnt = st ? fx_dataset_counts(st) : NULL;
    /* 334/333/333 of 1000; 300 test: floors 100, 99, 99, the two largest
     * remainders (0.9, 0.9) get one more. */
    CHECK(c, cnt && st->n == 300 && cnt[0] == 100 && cnt[1] == 100 && cnt[2] == 100,
          "stratified test part keeps the class shares");
    free(cnt);
    (void)bl;
}

static void test_take_normalize(Checks *c, FxInterp *I)
{
    FxDataset *d = fxt_data(I, "nd", "random_data(5000, 4, mean: 10, std: 3, seed: 8)");
    FxDataset *t = fxt_data(I, "nt", "take(nd, 2, 5)");
    CHECK(c, t && t->n == 3 && memcmp(t->x, d->x + 8, 12 * sizeof(float)) == 0,
          "take(d, 2, 5) is samples 2, 3, 4");
    t = fxt_data(I, "nt2", "take(nd, -2)");
    CHECK(c, t && t->n == 4998, "take(d, -2) drops the last two");
    FxDataset *z = fxt_data(I, "nz", "normalize(nd)");
    int ok = z != NULL;
    for (int j = 0; ok && j < 4; j++)
        ok = fabs(mean_of(z->x, 5000, 4, j)) < 1e-4 && fabs(std_of(z->x, 5000, 4, j) - 1) < 1e-4;
    CHECK(c, ok, "normalize: every feature mean 0 and std 1 (float rounding only)");
    FxDataset *o = fxt_data(I, "no", "random_data(10, 4, seed: 9)");
    FxDataset *l = fxt_data(I, "nl", "normalize(no, like: nd)");
    double m0 = mean_of(d->x, 5000, 4, 0), s0 = std_of(d->x, 5000, 4, 0);
    CHECK(c, l && fabs(l->x[4] - (o->x[4] - m0) / s0) < 1e-5,
          "like: uses the other set's mean and std");
    FxDataset *cc = fxt_data(I, "cc", "concat(no, take(nd, 3))");
    CHECK(c, cc && cc->n == 13 && memcmp(cc->x + 40, d->x, 12 * sizeof(float)) == 0,
          "concat appends the second set's samples");
}

/* Long passes run in parts of 2^20 numbers with Ctrl-C noticed between
 * them (data_poll.c); more than two parts, and an odd count, give the
 * numbers of one uncut runtime pass. */
static void test_parts(Checks *c, FxInterp *I)
{
    const int64_t n = 2 * ((int64_t)1 << 20) + 7;
    FxDataset *d = fxt_data(I, "big", "random_data(2097159, 1, seed: 4)");
    CHECK(c, d && d->n == n, "random_data of 2^21 + 7 made");
    if (!d)
        return;
    RtRng r = rt_rng(4, rt_stream(RT_STREAM_DATA, 0));
    float *x = malloc((size_t)n * sizeof *x);
    rt_rng_fill_normal(&r, x, n, 0, 1);
    int same = memcmp(x, d->x, (size_t)n * sizeof *x) == 0;
    for (int64_t i = 0; i < n; i++)
        same &= d->y[i] == (float)rt_rng_below(&r, 2);
    CHECK(c, same, "a fill in parts is the uncut fill, then the labels");
    FxDataset *t = fxt_data(I, "bigs", "split(big, 0.5, seed: 6).test");
    int64_t *perm = malloc((size_t)n * sizeof *perm);
    r = rt_rng(6, rt_stream(RT_STREAM_DATA, 0));
    rt_rng_permutation(&r, perm, n);
    same = t && t->n == n / 2 + 1;
    for (int64_t k = 0; same && k < t->n; k++)
        same = t->x[k] == d->x[perm[k]];
    CHECK(c, same, "a permutation in parts is the uncut permutation (%lld test rows)",
          t ? (long long)t->n : -1LL);
    free(perm);
    free(x);
}

int main(void)
{
    Checks c = {0};
    FILE *null_out;
    FxInterp *I = fxt_new(&null_out);
    test_streams(&c, I);
    test_random_images(&c, I);
    test_random_data(&c, I);
    test_regression(&c, I);
    test_blobs(&c, I);
    test_shapes(&c, I);
    test_split(&c, I);
    test_take_normalize(&c, I);
    test_parts(&c, I);
    fxt_free(I, null_out);
    return checks_done(&c);
}
