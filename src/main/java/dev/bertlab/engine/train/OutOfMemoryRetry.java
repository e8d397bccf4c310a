package dev.bertlab.engine.train;

import ai.djl.engine.EngineException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Takes a step again with half the examples per forward pass when it ran out of memory, down to one: gradient
 * accumulation makes up the difference, so the effective batch, and the update, stay the same. The micro-batch size
 * lives in {@link TrainerState}, so that a resumed run does not run out of memory again first.
 */
final class OutOfMemoryRetry {

    private final TrainerState state;
    private final int effectiveBatchSize;
    private final NoticeSink notices;

    OutOfMemoryRetry(TrainerState state, int effectiveBatchSize, NoticeSink notices) {
        this.state = state;
        this.effectiveBatchSize = effectiveBatchSize;
        this.notices = notices;
    }

    /** Examples per forward pass now. */
    int microBatchSize() {
        return state.microBatchSize;
    }

    /**
     * Runs {@code attempt} until it does not run out of memory. Any other failure passes through.
     *
     * @param step the step attempted (0-based), for the notices
     * @param discard undoes what a failed attempt left behind (its partial gradients), before the next one
     * @throws TrainingFailedException when even one example per forward pass runs out of memory
     */
    <T> T run(int step, Supplier<T> attempt, Runnable discard) {
        while (true) {
            try {
                return attempt.get();
            } catch (EngineException | OutOfMemoryError e) {
                if (!OutOfMemory.isCause(e)) {
                    throw e;
                }
                discard.run();
                if (state.microBatchSize == 1) {
                    throw new TrainingFailedException("out of memory at step " + (step + 1)
                            + " even with one example per forward pass: lower max_length or use a smaller model", e);
                }
                int before = state.microBatchSize;
                state.microBatchSize = Math.max(1, before / 2);
                int accumulation = (int) Math.ceil((double) effectiveBatchSize / state.microBatchSize);
                notices.notice(step, "oom_retry", String.format(Locale.ROOT, "out of memory with %d examples per "
                                + "forward pass; retrying the step with %d and %d accumulation steps (same effective "
                                + "batch of %d)", before, state.microBatchSize, accumulation, effectiveBatchSize));
            }
        }
    }
}
