package dev.bertlab.engine.train;

import java.util.Map;

/** What a fine-tuning run reports as it goes: the records its listeners receive. */
public final class TrainingEvents {

    private TrainingEvents() {
    }

    /**
     * The run is about to take its first (or, when resuming, next) step.
     *
     * @param totalSteps optimizer steps of the whole run
     * @param stepsPerEpoch optimizer steps of one epoch
     * @param resumedFromStep the checkpoint's step when resuming, else 0
     * @param trainExamples examples in the training split, augmented copies included
     * @param augmentedExamples how many of trainExamples are augmented copies (0 without augmentation)
     */
    public record Started(int totalSteps, int stepsPerEpoch, int resumedFromStep, int trainExamples,
            int augmentedExamples) {

        /** A run without augmentation. */
        public Started(int totalSteps, int stepsPerEpoch, int resumedFromStep, int trainExamples) {
            this(totalSteps, stepsPerEpoch, resumedFromStep, trainExamples, 0);
        }
    }

    /**
     * One line of the training log, written every logging_steps optimizer steps.
     *
     * @param step optimizer steps done
     * @param epoch fractional epoch
     * @param loss mean training loss over the steps since the last line
     * @param learningRate rate of the last step
     * @param gradNorm global gradient norm before clipping, last step
     * @param samplesPerSecond training examples per second since the last line
     * @param tokensPerSecond real (non-padding) tokens per second since the last line
     * @param paddingShare share of token slots that were padding since the last line
     * @param elapsedSeconds since the run (or the resumed part of it) started
     */
    public record StepLogged(int step, double epoch, double loss, double learningRate, double gradNorm,
            double samplesPerSecond, double tokensPerSecond, double paddingShare, double elapsedSeconds) {
    }

    /**
     * An evaluation on the validation split.
     *
     * @param step optimizer steps done
     * @param epoch fractional epoch
     * @param metrics scalar metrics by snake_case name ("loss", "accuracy", "f1_macro", ...)
     * @param best whether this is the best value of metric_for_best_model so far
     */
    public record Evaluated(int step, double epoch, Map<String, Double> metrics, boolean best) {
    }

    /**
     * Progress after each optimizer step.
     *
     * @param step optimizer steps done
     * @param totalSteps optimizer steps of the run
     * @param epoch current epoch, 1-based
     * @param epochs epochs of the run
     * @param etaSeconds estimated seconds to the end of training
     */
    public record Progress(int step, int totalSteps, int epoch, int epochs, double etaSeconds) {

        public double fraction() {
            return totalSteps == 0 ? 1.0 : (double) step / totalSteps;
        }
    }

    /**
     * Something a person should know that is not a metric: an out-of-memory retry, a precision fallback, a
     * checkpoint written, early stopping.
     *
     * @param step optimizer steps done when it happened
     * @param kind a short machine-readable kind ("oom_retry", "checkpoint", "early_stopping", ...)
     * @param message what happened, for people
     */
    public record Notice(int step, String kind, String message) {
    }
}
