package dev.bertlab.engine.train;

import ai.djl.training.tracker.Tracker;

/**
 * Hugging Face's schedules (get_linear/cosine/constant_schedule_with_warmup) as a DJL {@link Tracker}: the rate
 * rises linearly from 0 over the warm-up steps, then stays, falls linearly to 0, or follows half a cosine.
 * The argument is the 0-based index of the optimizer step, so the very first step runs at rate 0 when there is
 * a warm-up, as in transformers.
 */
public final class LearningRateSchedule implements Tracker {

    private final Hyperparameters.Scheduler kind;
    private final double peak;
    private final int warmupSteps;
    private final int totalSteps;

    public LearningRateSchedule(Hyperparameters.Scheduler kind, double peak, int warmupSteps, int totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("a schedule needs at least one step, got " + totalSteps);
        }
        this.kind = kind;
        this.peak = peak;
        this.warmupSteps = Math.max(0, warmupSteps);
        this.totalSteps = totalSteps;
    }

    public static LearningRateSchedule of(Hyperparameters hp, int totalSteps) {
        return new LearningRateSchedule(hp.scheduler(), hp.learningRate(), hp.warmupStepsFor(totalSteps),
                totalSteps);
    }

    public double rate(int step) {
        if (step < warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        return switch (kind) {
            case CONSTANT -> peak;
            case LINEAR -> peak * Math.max(0.0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
            case COSINE -> peak * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * progress)));
        };
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) rate(numUpdate);
    }

    public int totalSteps() {
        return totalSteps;
    }

    public int warmupSteps() {
        return warmupSteps;
    }
}
