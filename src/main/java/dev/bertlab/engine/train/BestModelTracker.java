package dev.bertlab.engine.train;

import dev.bertlab.engine.predict.SplitEvaluation;
import dev.bertlab.engine.weights.NamedTensor;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the weights of the best evaluation in the checkpoint store's {@code best/} directory, puts them back at the
 * end of training when {@code load_best_model_at_end} asks for them, and knows which validation result matches the
 * weights the model holds, so that the run does not evaluate the same weights twice. Which evaluation is the best
 * is {@link EarlyStopping}'s judgement.
 */
final class BestModelTracker {

    /** The weights of the model being trained. */
    interface ModelWeights {

        Map<String, NamedTensor> snapshot();

        void apply(Map<String, NamedTensor> weights);
    }

    private final CheckpointStore checkpoints;
    private final ModelWeights weights;
    private final boolean loadBestAtEnd;
    private SplitEvaluation last;
    private int lastStep = -1;
    private SplitEvaluation best;

    BestModelTracker(CheckpointStore checkpoints, ModelWeights weights, boolean loadBestAtEnd) {
        this.checkpoints = checkpoints;
        this.weights = weights;
        this.loadBestAtEnd = loadBestAtEnd;
    }

    /** Whether the weights of {@code step} have been evaluated already. */
    boolean hasEvaluated(int step) {
        return lastStep == step;
    }

    /** Records the evaluation of the weights at {@code step}; the best one so far has its weights saved. */
    void evaluated(int step, SplitEvaluation evaluation, boolean isBest) throws IOException {
        last = evaluation;
        lastStep = step;
        if (isBest) {
            best = evaluation;
            checkpoints.saveBest(step, weights.snapshot(), evaluation.scalars());
        }
    }

    /** The metrics of the latest evaluation, or none before the first. */
    Map<String, Double> lastMetrics() {
        return last == null ? Map.of() : last.scalars();
    }

    /** The evaluation of the weights at {@code step}, or null when they have not been evaluated (this session). */
    SplitEvaluation evaluationAt(int step) {
        return lastStep == step ? last : null;
    }

    /**
     * Puts the best weights back when {@code load_best_model_at_end} is on and the model holds others, and
     * answers whether it did.
     */
    boolean restoreBest(TrainerState state) throws IOException {
        if (!loadBestAtEnd || state.bestStep == state.globalStep) {
            return false;
        }
        Optional<Map<String, NamedTensor>> saved = checkpoints.bestWeights();
        saved.ifPresent(weights::apply);
        return saved.isPresent();
    }

    /**
     * The evaluation of the best weights, or null when it was made before a resume (then only its metric value is
     * known).
     */
    SplitEvaluation bestEvaluation() {
        return best;
    }
}
