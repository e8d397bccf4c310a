package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutOfMemoryRetryTest {

    private final List<TrainingEvents.Notice> notices = new ArrayList<>();
    private final AtomicInteger discarded = new AtomicInteger();

    private OutOfMemoryRetry retry(TrainerState state, int effectiveBatchSize) {
        return new OutOfMemoryRetry(state, effectiveBatchSize,
                (step, kind, message) -> notices.add(new TrainingEvents.Notice(step, kind, message)));
    }

    /** An attempt that runs out of memory with more than {@code fits} examples per forward pass. */
    private static String attempt(TrainerState state, int fits, Throwable failure) {
        if (state.microBatchSize > fits) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) failure;
        }
        return "done with " + state.microBatchSize;
    }

    @Test
    void aStepThatFitsRunsOnce() {
        TrainerState state = TrainerState.fresh(8, "d");
        AtomicInteger attempts = new AtomicInteger();
        String result = retry(state, 8).run(0, () -> {
            attempts.incrementAndGet();
            return attempt(state, 8, null);
        }, discarded::incrementAndGet);
        assertThat(result).isEqualTo("done with 8");
        assertThat(attempts).hasValue(1);
        assertThat(discarded).hasValue(0);
        assertThat(notices).isEmpty();
    }

    @Test
    void halvesTheMicroBatchUntilTheStepFitsAndKeepsTheEffectiveBatch() {
        TrainerState state = TrainerState.fresh(8, "d");
        OutOfMemoryRetry retry = retry(state, 8);
        String result = retry.run(4, () -> attempt(state, 2,
                new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB")), discarded::incrementAndGet);
        assertThat(result).isEqualTo("done with 2");
        assertThat(retry.microBatchSize()).isEqualTo(2);
        assertThat(state.microBatchSize).isEqualTo(2);
        assertThat(discarded).hasValue(2);
        assertThat(notices).extracting(TrainingEvents.Notice::message).containsExactly(
                "out of memory with 8 examples per forward pass; retrying the step with 4 and 2 accumulation steps "
                        + "(same effective batch of 8)",
                "out of memory with 4 examples per forward pass; retrying the step with 2 and 4 accumulation steps "
                        + "(same effective batch of 8)");
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo("oom_retry");
            assertThat(n.step()).isEqualTo(4);
        });
    }

    @Test
    void anOddMicroBatchRoundsDownAndTheAccumulationUp() {
        TrainerState state = TrainerState.fresh(6, "d");
        retry(state, 12).run(0, () -> attempt(state, 3, new OutOfMemoryError("Java heap space")),
                discarded::incrementAndGet);
        assertThat(state.microBatchSize).isEqualTo(3);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.message())
                .contains("retrying the step with 3 and 4 accumulation steps (same effective batch of 12)"));
    }

    @Test
    void aLaterStepKeepsTheSmallerMicroBatch() {
        TrainerState state = TrainerState.fresh(4, "d");
        OutOfMemoryRetry retry = retry(state, 4);
        retry.run(0, () -> attempt(state, 2, new EngineException("out of memory")), () -> { });
        AtomicInteger attempts = new AtomicInteger();
        retry.run(1, () -> {
            attempts.incrementAndGet();
            return attempt(state, 2, new EngineException("out of memory"));
        }, () -> { });
        assertThat(attempts).hasValue(1);
        assertThat(notices).hasSize(1);
    }

    @Test
    void failsWhenOneExampleDoesNotFit() {
        TrainerState state = TrainerState.fresh(2, "d");
        EngineException failure = new EngineException("std::bad_alloc: can't allocate memory");
        assertThatThrownBy(() -> retry(state, 2).run(6, () -> attempt(state, 0, failure), discarded::incrementAndGet))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessage("out of memory at step 7 even with one example per forward pass: lower max_length or "
                        + "use a smaller model")
                .hasCause(failure);
        assertThat(discarded).hasValue(2); // the gradients of the failed attempts are discarded each time
        assertThat(notices).hasSize(1);
    }

    @Test
    void otherFailuresPassThroughUntouched() {
        TrainerState state = TrainerState.fresh(8, "d");
        EngineException failure = new EngineException("shape mismatch");
        assertThatThrownBy(() -> retry(state, 8).run(0, () -> attempt(state, 0, failure), discarded::incrementAndGet))
                .isSameAs(failure);
        IllegalStateException other = new IllegalStateException("out of memory"); // not an engine failure
        assertThatThrownBy(() -> retry(state, 8).run(0, () -> attempt(state, 0, other), discarded::incrementAndGet))
                .isSameAs(other);
        assertThat(state.microBatchSize).isEqualTo(8);
        assertThat(discarded).hasValue(0);
        assertThat(notices).isEmpty();
    }
}
