package dev.bertlab.engine.significance;

/** The exact two-sided sign test: k successes in n fair coin flips (p = 1/2). */
final class BinomialTest {

    private BinomialTest() {
    }

    /**
     * Two-sided p-value of seeing {@code k} of {@code n} under p = 1/2: twice the tail beyond the smaller count,
     * at most 1. The distribution is symmetric, so this equals summing every outcome no likelier than k, as
     * scipy's {@code binomtest} and statsmodels' exact McNemar do.
     */
    static double twoSidedHalf(int k, int n) {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k = " + k + ", n = " + n);
        }
        if (n == 0) {
            return 1;
        }
        int smaller = Math.min(k, n - k);
        // in logs: 2^-n underflows for n above 1074, while the tail itself may still be sizeable
        double logTerm = -n * Math.log(2); // ln C(n, 0) 2^-n
        double tail = Math.exp(logTerm);
        for (int i = 1; i <= smaller; i++) {
            logTerm += Math.log((double) (n - i + 1) / i); // C(n, i) = C(n, i - 1) (n - i + 1) / i
            tail += Math.exp(logTerm);
        }
        return Math.min(1, 2 * tail);
    }
}
