package dev.bertlab.engine.significance;

import dev.bertlab.engine.eval.PredictionSet;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether run B is really better (or worse) than run A on the same test set: the paired bootstrap of accuracy
 * and F1, McNemar's test, and a sentence that says it in words.
 *
 * @param runA      how the sentence names run A
 * @param runB      how the sentence names run B
 * @param bootstrap paired bootstrap of B - A
 * @param mcNemar   McNemar's test of B against A
 */
public record RunDifference(String runA, String runB, PairedBootstrapResult bootstrap, McNemarResult mcNemar) {

    public RunDifference {
        Objects.requireNonNull(runA, "runA");
        Objects.requireNonNull(runB, "runB");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(mcNemar, "mcNemar");
    }

    /**
     * Compares run B with run A.
     *
     * @throws IllegalArgumentException if the runs were not evaluated on the same test set
     */
    public static RunDifference compute(String runA, PredictionSet a, String runB, PredictionSet b,
                                        PairedBootstrap bootstrap) {
        PairedPredictions pairs = PairedPredictions.of(a, b);
        return new RunDifference(runA, runB, bootstrap.compare(pairs), McNemarTest.compare(pairs));
    }

    /**
     * Significant only when both tests agree: the bootstrap interval excludes 0 and McNemar's p is below alpha.
     * They answer slightly different questions (a score's difference, the balance of disagreements), so when
     * they disagree the evidence is too thin to call.
     */
    public Significance significance() {
        boolean interval = bootstrap.accuracy().excludesZero();
        if (interval && mcNemar.significant()) {
            return Significance.SIGNIFICANT;
        }
        return interval || mcNemar.significant() ? Significance.BORDERLINE : Significance.NOT_SIGNIFICANT;
    }

    /**
     * One sentence for people who do not read intervals, e.g. "B is better than A by 2.4 accuracy points
     * (95% CI 0.8 to 4.0); McNemar p = 0.003: the difference is significant."
     */
    public String plainVerdict() {
        BootstrapDifference accuracy = bootstrap.accuracy();
        double points = 100 * accuracy.difference();
        String interval = String.format(Locale.ROOT, "(95%% CI %.1f to %.1f)", 100 * accuracy.lower(),
                100 * accuracy.upper());
        String comparison;
        if (Math.abs(points) < 0.05) {
            comparison = runB + " and " + runA + " have the same accuracy";
        } else {
            comparison = String.format(Locale.ROOT, "%s is %s than %s by %.1f accuracy points", runB,
                    points > 0 ? "better" : "worse", runA, Math.abs(points));
        }
        return comparison + " " + interval + "; McNemar p " + formatP(mcNemar.pValue()) + ": "
                + significance().phrase() + ".";
    }

    static String formatP(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }

    /** The verdict of a comparison. */
    public enum Significance {
        SIGNIFICANT("the difference is significant"),
        BORDERLINE("the evidence is borderline (the bootstrap interval and McNemar's test disagree)"),
        NOT_SIGNIFICANT("the difference is not significant (could be noise)");

        private final String phrase;

        Significance(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }
}
