package dev.bertlab.engine.train;

import java.util.Locale;

/**
 * Judges each evaluation against the best one so far, as Hugging Face's {@code EarlyStoppingCallback} does: a value
 * improves on the best only when it beats it by more than {@code early_stopping_threshold} in the direction of
 * {@code greater_is_better}; after {@code early_stopping_patience} evaluations in a row without improvement the run
 * stops (patience 0: never). The best value, its step and the count live in {@link TrainerState}, so that they
 * survive a resume.
 */
final class EarlyStopping {

    /**
     * What one evaluation meant.
     *
     * @param improved the value is the new best
     * @param stop early stopping says the run ends here
     */
    record Verdict(boolean improved, boolean stop) {
    }

    private final String metric;
    private final boolean greaterIsBetter;
    private final double threshold;
    private final int patience;

    EarlyStopping(String metric, boolean greaterIsBetter, double threshold, int patience) {
        this.metric = metric;
        this.greaterIsBetter = greaterIsBetter;
        this.threshold = threshold;
        this.patience = patience;
    }

    static EarlyStopping of(Hyperparameters hp) {
        return new EarlyStopping(hp.metricForBestModel(), hp.greaterIsBetter(), hp.earlyStoppingThreshold(),
                hp.earlyStoppingPatience());
    }

    /** The metric judged, by its snake_case name. */
    String metric() {
        return metric;
    }

    /** Judges the evaluation of {@code state}'s current step and records the outcome in {@code state}. */
    Verdict observe(TrainerState state, double value) {
        boolean improved = state.bestMetric == null || (greaterIsBetter
                ? value > state.bestMetric + threshold
                : value < state.bestMetric - threshold);
        if (improved) {
            state.bestMetric = value;
            state.bestStep = state.globalStep;
            state.evaluationsWithoutImprovement = 0;
        } else {
            state.evaluationsWithoutImprovement++;
        }
        return new Verdict(improved, patience > 0 && state.evaluationsWithoutImprovement >= patience);
    }

    /** Why the run stopped, for its log. */
    String stopMessage(TrainerState state) {
        return String.format(Locale.ROOT, "early stopping: %s did not improve for %d evaluations (best %s at step %d)",
                metric, patience, format(state.bestMetric), state.bestStep);
    }

    /** A metric value as the run's messages print it. */
    static String format(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
