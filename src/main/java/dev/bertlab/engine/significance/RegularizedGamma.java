package dev.bertlab.engine.significance;

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), by the series for x < a + 1 and
 * Lentz's continued fraction above (Numerical Recipes, 3rd ed., 6.2): both converge fast on their side, so the
 * result is good to about 1e-14 everywhere. It gives the chi-square tail without a statistics library.
 */
final class RegularizedGamma {

    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPSILON = 1e-16;
    // smallest magnitude the continued fraction may divide by before it counts as zero (Lentz's trick)
    private static final double TINY = 1e-300;

    // Lanczos approximation with g = 7, n = 9: relative error below 1e-15 for a > 0
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    private RegularizedGamma() {
    }

    /** Q(a, x) for a > 0 and x >= 0; Q(a, 0) = 1 and Q falls to 0 as x grows. */
    static double upper(double a, double x) {
        if (!(a > 0) || !(x >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("Q(a, x) needs a > 0 and x >= 0, got a = " + a + ", x = " + x);
        }
        if (x == 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        return x < a + 1 ? 1 - lowerBySeries(a, x) : upperByContinuedFraction(a, x);
    }

    /** ln Γ(a) for a > 0. */
    static double logGamma(double a) {
        if (a < 0.5) {
            // reflection: Γ(a) Γ(1 - a) = π / sin(π a); the series below is accurate for a >= 0.5
            return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
        }
        double z = a - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    // P(a, x) = e^-x x^a / Γ(a) * sum_n x^n / (a (a+1) ... (a+n))
    private static double lowerBySeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a = " + a + ", x = " + x);
    }

    // Q(a, x) = e^-x x^a / Γ(a) * 1 / (x + 1 - a - 1 (1 - a) / (x + 3 - a - 2 (2 - a) / (x + 5 - a - ...)))
    private static double upperByContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
            }
        }
        throw new ArithmeticException("incomplete gamma fraction did not converge for a = " + a + ", x = " + x);
    }
}
