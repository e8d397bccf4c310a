package dev.bertlab.engine.significance;

/**
 * McNemar's test of run B against run A on the same test set.
 *
 * @param bothRight   examples both runs get right
 * @param onlyARight  b: examples A gets right and B gets wrong
 * @param onlyBRight  c: examples A gets wrong and B gets right
 * @param bothWrong   examples both runs get wrong
 * @param exactP      two-sided exact binomial p-value of c among b + c disagreements
 * @param chiSquare   (|b - c| - 1)^2 / (b + c), the continuity-corrected statistic (0 when b = c)
 * @param chiSquareP  its p-value, chi-square with 1 degree of freedom
 * @param method      which of the two p-values decides: exact while b + c is below 25
 * @param pValue      the deciding p-value
 * @param alpha       significance level
 * @param significant whether {@code pValue < alpha}
 */
public record McNemarResult(int bothRight, int onlyARight, int onlyBRight, int bothWrong, double exactP,
                            double chiSquare, double chiSquareP, McNemarMethod method, double pValue, double alpha,
                            boolean significant) {

    /** b + c: the examples the runs disagree on, the only ones that carry evidence. */
    public int disagreements() {
        return onlyARight + onlyBRight;
    }
}
