package dev.bertlab.engine.significance;

import dev.bertlab.engine.eval.ConfusionMatrix;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Paired bootstrap of the difference between two runs on the same test set: each resample draws the test set's
 * examples with replacement, scores both runs on the same draw, and keeps B - A. Drawing the same examples for
 * both runs is what makes it paired: the variation between examples (some are just hard) cancels, so a
 * consistent small gain shows up as significant where two separate intervals would overlap.
 *
 * <p>The draws come from {@link Random} with the given seed, whose algorithm Java specifies, so a seed gives the
 * same interval on every JVM.
 */
public final class PairedBootstrap {

    public static final int DEFAULT_RESAMPLES = 2000;
    /** Fewer resamples make the 2.5% tail rest on a couple of dozen draws. */
    public static final int MIN_RESAMPLES = 1000;
    /** More buys no visible precision for a percentile interval shown with one decimal. */
    public static final int MAX_RESAMPLES = 10_000;

    private static final double LOWER_PERCENTILE = 0.025;
    private static final double UPPER_PERCENTILE = 0.975;
    /** Percentiles as numpy's default (linear, Hyndman and Fan's method 7), on a copy of the resamples. */
    static final Quantile PERCENTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(true);

    private final int resamples;
    private final long seed;

    /**
     * @throws IllegalArgumentException if {@code resamples} is outside {@value #MIN_RESAMPLES}..
     *                                  {@value #MAX_RESAMPLES}
     */
    public PairedBootstrap(int resamples, long seed) {
        if (resamples < MIN_RESAMPLES || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be between " + MIN_RESAMPLES + " and "
                    + MAX_RESAMPLES + ", got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** {@value #DEFAULT_RESAMPLES} resamples drawn from {@code seed}. */
    /** The seed the dashboard and the CLI use, so that both give the same interval for the same two runs. */
    public static final long DEFAULT_SEED = 20_240_917L;

    public static PairedBootstrap withSeed(long seed) {
        return new PairedBootstrap(DEFAULT_RESAMPLES, seed);
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /**
     * Compares run B with run A.
     *
     * @throws IllegalArgumentException if the runs were not evaluated on the same test set
     *                                  ({@link PairedPredictions#of})
     */
    public PairedBootstrapResult compare(PredictionSet a, PredictionSet b) {
        return compare(PairedPredictions.of(a, b));
    }

    public PairedBootstrapResult compare(PairedPredictions pairs) {
        int n = pairs.examples();
        int classes = pairs.classes();
        List<String> labels = pairs.labels();
        int[] gold = pairs.gold();
        int[] predictedA = pairs.predictedA();
        int[] predictedB = pairs.predictedB();

        double[] accuracyDifferences = new double[resamples];
        double[] f1Differences = new double[resamples];
        Random random = new Random(seed);
        int[][] countsA = new int[classes][classes];
        int[][] countsB = new int[classes][classes];
        for (int r = 0; r < resamples; r++) {
            for (int[] row : countsA) {
                Arrays.fill(row, 0);
            }
            for (int[] row : countsB) {
                Arrays.fill(row, 0);
            }
            for (int draw = 0; draw < n; draw++) {
                int example = random.nextInt(n);
                countsA[gold[example]][predictedA[example]]++;
                countsB[gold[example]][predictedB[example]]++;
            }
            ConfusionMatrix matrixA = new ConfusionMatrix(countsA);
            ConfusionMatrix matrixB = new ConfusionMatrix(countsB);
            accuracyDifferences[r] = ComparedMetric.ACCURACY.score(matrixB, labels)
                    - ComparedMetric.ACCURACY.score(matrixA, labels);
            f1Differences[r] = ComparedMetric.F1.score(matrixB, labels) - ComparedMetric.F1.score(matrixA, labels);
        }

        ConfusionMatrix wholeA = ConfusionMatrix.of(gold, predictedA, classes);
        ConfusionMatrix wholeB = ConfusionMatrix.of(gold, predictedB, classes);
        return new PairedBootstrapResult(n, resamples, seed,
                difference(ComparedMetric.ACCURACY, wholeA, wholeB, labels, accuracyDifferences),
                difference(ComparedMetric.F1, wholeA, wholeB, labels, f1Differences));
    }

    private static BootstrapDifference difference(ComparedMetric metric, ConfusionMatrix a, ConfusionMatrix b,
                                                  List<String> labels, double[] resampled) {
        return BootstrapDifference.of(metric.displayName(labels.size()), metric.score(a, labels),
                metric.score(b, labels), PERCENTILE.evaluate(resampled, LOWER_PERCENTILE),
                PERCENTILE.evaluate(resampled, UPPER_PERCENTILE));
    }
}
