package dev.bertlab.engine.train;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where a run stands, written into every checkpoint. Together with the weights, the optimizer's moments and
 * the seed it is enough to continue exactly where an uninterrupted run would be: the data order of an epoch and
 * the dropout masks of a step are pure functions of (seed, epoch) and (seed, step).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class TrainerState {

    /** Optimizer steps done. */
    int globalStep;
    /** Epoch (0-based) the next step belongs to. */
    int epoch;
    /** Index within that epoch of the next step. */
    int stepInEpoch;
    /** Examples per forward pass; smaller than batch_size after an out-of-memory retry. */
    int microBatchSize;
    /** Best value of metric_for_best_model so far, or null before the first evaluation. */
    Double bestMetric;
    /** Step of the best evaluation. */
    int bestStep;
    /** Evaluations since the best one, for early stopping. */
    int evaluationsWithoutImprovement;
    /** fp16 dynamic loss scale (1 in fp32). */
    double lossScale = 1.0;
    /** Finite fp16 steps since the loss scale last changed. */
    int stepsSinceScaleChange;
    /** Training wall time before this session, so throughput and ETA survive a resume. */
    double trainSeconds;
    /** Identifies the training split the run was started on; resuming on other data is refused. */
    String trainSplitDigest;

    TrainerState() {
    }

    static TrainerState fresh(int microBatchSize, String trainSplitDigest) {
        TrainerState state = new TrainerState();
        state.microBatchSize = microBatchSize;
        state.trainSplitDigest = trainSplitDigest;
        return state;
    }

    public int globalStep() {
        return globalStep;
    }

    public Double bestMetric() {
        return bestMetric;
    }

    public int bestStep() {
        return bestStep;
    }
}
