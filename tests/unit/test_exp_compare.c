/* Unit tests of compare()'s statistics: Student's t two-sided p-value
 * against its closed forms for 1 and 2 degrees of freedom, against
 * table quantiles (t 0.975 and 0.995 for 10 and 5 degrees), and against
 * the normal limit; the incomplete beta function's symmetry and edges;
 * the sample mean and std. */
#include <math.h>
#include "check.h"
#include "exp/experiment.h"

int main(void)
{
    Checks c = {0};
    const double ts[] = {0.1, 0.5, 1, 2, 3.5, 10, 100};
    for (int i = 0; i < 7; i++) {
        double t = ts[i];
        CHECK_CLOSE(&c, fx_t_two_sided(t, 1), 1 - 2 * atan(t) / M_PI, 1e-10, 1e-14,
                    "df 1 is the Cauchy distribution");
        CHECK_CLOSE(&c, fx_t_two_sided(-t, 2), 1 - t / sqrt(2 + t * t), 1e-10, 1e-14,
                    "df 2 closed form, negative t");
    }
    CHECK_CLOSE(&c, fx_t_two_sided(2.228138851986, 10), 0.05, 1e-9, 0, "t(0.975, 10)");
    CHECK_CLOSE(&c, fx_t_two_sided(4.032142983557, 5), 0.01, 1e-9, 0, "t(0.995, 5)");
    CHECK_CLOSE(&c, fx_t_two_sided(2.570581835636, 5), 0.05, 1e-9, 0, "t(0.975, 5)");
    CHECK_CLOSE(&c, fx_t_two_sided(1.959963984540, 1e9), 0.05, 1e-6, 0, "normal limit");
    CHECK(&c, fx_t_two_sided(0, 7) == 1, "t = 0 gives p = 1");
    CHECK(&c, fx_t_two_sided(INFINITY, 7) == 0, "infinite t gives p = 0");
    CHECK(&c, isnan(fx_t_two_sided(1, 0)), "no degrees of freedom: nan");
    for (double x = 0.05; x < 1; x += 0.1)
        CHECK_CLOSE(&c, fx_incomplete_beta(2.5, 4, x), 1 - fx_incomplete_beta(4, 2.5, 1 - x),
                    1e-12, 1e-14, "I_x(a, b) = 1 - I_(1-x)(b, a)");
    CHECK_CLOSE(&c, fx_incomplete_beta(1, 1, 0.3), 0.3, 1e-12, 0, "I_x(1, 1) = x");
    CHECK_CLOSE(&c, fx_incomplete_beta(2, 3, 0.4), 0.5248, 1e-12, 0,
                "I_0.4(2, 3) = 1 - 0.6^4 - 4 * 0.4 * 0.6^3");
    const double xs[] = {2, 4, 4, 4, 5, 5, 7, 9};
    CHECK_CLOSE(&c, fx_repeats_stat(xs, 8, 0), 5, 1e-15, 0, "mean");
    CHECK_CLOSE(&c, fx_repeats_stat(xs, 8, 1), sqrt(32.0 / 7), 1e-15, 0,
                "sample std divides by n - 1");
    CHECK(&c, isnan(fx_repeats_stat(xs, 1, 1)), "the std of one repeat is nan");
    return checks_done(&c);
}
