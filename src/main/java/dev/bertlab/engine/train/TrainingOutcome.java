package dev.bertlab.engine.train;

import java.util.Map;

/**
 * How a run's training ended.
 *
 * @param reason why it ended
 * @param steps optimizer steps done
 * @param totalSteps optimizer steps planned
 * @param bestMetric best value of metric_for_best_model, or null without evaluations
 * @param bestStep step of that value
 * @param lastEvaluation the last validation metrics, empty without evaluations
 * @param message for people: what happened, and for a divergence the last good values
 * @param trainSeconds wall time spent training, over all sessions of the run
 */
public record TrainingOutcome(FinishReason reason, int steps, int totalSteps, Double bestMetric, int bestStep,
        Map<String, Double> lastEvaluation, String message, double trainSeconds) {

    public enum FinishReason {
        /** All planned steps ran. */
        COMPLETED,
        /** Early stopping ended it: the metric stopped improving. */
        EARLY_STOPPED,
        /** Someone asked it to stop; the checkpoint of the last step is kept for a resume. */
        CANCELLED,
        /** The loss or the gradients became NaN or infinite. */
        DIVERGED
    }

    public boolean finishedTraining() {
        return reason == FinishReason.COMPLETED || reason == FinishReason.EARLY_STOPPED;
    }
}
