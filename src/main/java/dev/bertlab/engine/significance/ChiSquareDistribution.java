package dev.bertlab.engine.significance;

/** The chi-square distribution's upper tail, the p-value of a chi-square statistic. */
final class ChiSquareDistribution {

    private ChiSquareDistribution() {
    }

    /** P(X >= statistic) for X ~ chi-square with {@code degreesOfFreedom}: Q(df / 2, statistic / 2). */
    static double upperTail(double statistic, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + degreesOfFreedom);
        }
        if (Double.isNaN(statistic)) {
            throw new IllegalArgumentException("chi-square statistic is NaN");
        }
        if (statistic <= 0) {
            return 1;
        }
        return RegularizedGamma.upper(degreesOfFreedom / 2.0, statistic / 2.0);
    }
}
