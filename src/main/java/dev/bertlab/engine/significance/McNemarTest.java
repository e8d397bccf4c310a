package dev.bertlab.engine.significance;

import dev.bertlab.engine.eval.PredictionSet;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * McNemar's test of two runs on the same test set: only the examples the runs disagree on carry evidence.
 * If the runs were equally good, each disagreement would be as likely to favour A as B, so the count favouring
 * B is binomial(b + c, 1/2). The exact binomial p-value is used while b + c is below
 * {@value #EXACT_BELOW_DISAGREEMENTS}; above, the continuity-corrected chi-square, which approximates it well
 * by then.
 */
public final class McNemarTest {

    /** Below this many disagreements the chi-square approximation is too rough. */
    public static final int EXACT_BELOW_DISAGREEMENTS = 25;
    public static final double DEFAULT_ALPHA = 0.05;

    private McNemarTest() {
    }

    /**
     * Tests run B against run A at alpha {@value #DEFAULT_ALPHA}.
     *
     * @throws IllegalArgumentException if the runs were not evaluated on the same test set
     */
    public static McNemarResult compare(PredictionSet a, PredictionSet b) {
        return compare(PairedPredictions.of(a, b));
    }

    public static McNemarResult compare(PairedPredictions pairs) {
        int bothRight = 0;
        int onlyARight = 0;
        int onlyBRight = 0;
        int bothWrong = 0;
        int[] gold = pairs.gold();
        int[] predictedA = pairs.predictedA();
        int[] predictedB = pairs.predictedB();
        for (int i = 0; i < gold.length; i++) {
            boolean aRight = predictedA[i] == gold[i];
            boolean bRight = predictedB[i] == gold[i];
            if (aRight && bRight) {
                bothRight++;
            } else if (aRight) {
                onlyARight++;
            } else if (bRight) {
                onlyBRight++;
            } else {
                bothWrong++;
            }
        }
        return of(bothRight, onlyARight, onlyBRight, bothWrong, DEFAULT_ALPHA);
    }

    /**
     * The test from the 2x2 table of correctness.
     *
     * @param bothRight  examples both runs get right
     * @param onlyARight b: A right, B wrong
     * @param onlyBRight c: A wrong, B right
     * @param bothWrong  examples both runs get wrong
     * @param alpha      significance level, in (0, 1)
     */
    public static McNemarResult of(int bothRight, int onlyARight, int onlyBRight, int bothWrong, double alpha) {
        if (bothRight < 0 || onlyARight < 0 || onlyBRight < 0 || bothWrong < 0) {
            throw new IllegalArgumentException("McNemar counts must not be negative, got " + bothRight + ", "
                    + onlyARight + ", " + onlyBRight + ", " + bothWrong);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        int disagreements = onlyARight + onlyBRight;
        // the exact form: B's wins among the disagreements against a fair coin, two-sided (every outcome no likelier)
        double exactP = disagreements == 0 ? 1
                : BinomialTest.withDefaults().test(disagreements, onlyBRight, 0.5).getPValue();
        double chiSquare = correctedChiSquare(onlyARight, onlyBRight);
        double chiSquareP = chiSquare <= 0 ? 1 : ChiSquaredDistribution.of(1).survivalProbability(chiSquare);
        McNemarMethod method = disagreements < EXACT_BELOW_DISAGREEMENTS
                ? McNemarMethod.EXACT_BINOMIAL : McNemarMethod.CHI_SQUARE_CORRECTED;
        double pValue = method == McNemarMethod.EXACT_BINOMIAL ? exactP : chiSquareP;
        return new McNemarResult(bothRight, onlyARight, onlyBRight, bothWrong, exactP, chiSquare, chiSquareP,
                method, pValue, alpha, pValue < alpha);
    }

    /**
     * (|b - c| - 1)^2 / (b + c), 0 without disagreements. The correction is floored at 0: when b = c there is no
     * evidence at all, while statsmodels' unfloored (0 - 1)^2 / (b + c) would report a small positive statistic.
     */
    static double correctedChiSquare(int b, int c) {
        if (b + c == 0) {
            return 0;
        }
        double corrected = Math.max(0, Math.abs(b - c) - 1.0);
        return corrected * corrected / (b + c);
    }
}
