package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.EngineException;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingFailedException;
import org.junit.jupiter.api.Test;

class OutOfMemoryRuleTest {

    private static final Hyperparameters HP = Hyperparameters.builder().batchSize(32).gradientAccumulation(2)
            .maxLength(512).build();
    private static final RunFacts FACTS = RunFacts.classification(HP, 2);

    @Test
    void aRetryNoticeIsAWarningWithTheSameEffectiveBatchInSmallerPieces() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 40, 10, step -> 0.6)
                .notice(42, "oom_retry", "out of memory with 32 examples per forward pass; retrying the step with 16 "
                        + "and 4 accumulation steps (same effective batch of 64)");

        Diagnosis diagnosis = new OutOfMemoryRule().check(run.history(), FACTS).orElseThrow();

        assertThat(diagnosis.step()).isEqualTo(42);
        assertThat(diagnosis.severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnosis.evidence().values()).containsEntry("retries", 1.0).containsEntry("batch_size", 32.0);
        // the engine went down to 16; the remedy starts the next run below that, at 8 x 8 = 64 examples per step
        assertThat(diagnosis.remedy().changes()).containsEntry("batch_size", 8)
                .containsEntry("gradient_accumulation", 8).doesNotContainKey("max_length");
        assertThat(diagnosis.remedy().applyTo(HP).effectiveBatchSize()).isEqualTo(HP.effectiveBatchSize());
    }

    @Test
    void aRunThatFailedOutOfMemoryIsAProblem() {
        TrainingHistory history = SyntheticRun.of(200).logs(10, 20, 10, step -> 0.6).history();
        history.failed(new TrainingFailedException("training failed",
                new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB")));

        Diagnosis diagnosis = new OutOfMemoryRule().check(history, FACTS).orElseThrow();

        assertThat(diagnosis.step()).isEqualTo(20);
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(diagnosis.remedy().changes()).containsEntry("batch_size", 16)
                .containsEntry("gradient_accumulation", 4);
    }

    @Test
    void atOneExamplePerPassOnlyAShorterMaxLengthHelps() {
        Hyperparameters single = Hyperparameters.builder().batchSize(1).gradientAccumulation(16).maxLength(512)
                .build();
        TrainingHistory history = SyntheticRun.of(200).history();
        history.failed(new EngineException("CUDA out of memory"));

        Diagnosis diagnosis = new OutOfMemoryRule().check(history, RunFacts.classification(single, 2)).orElseThrow();

        assertThat(diagnosis.remedy().changes()).containsOnlyKeys("max_length").containsEntry("max_length", 256);
    }

    @Test
    void otherFailuresAndNoticesAreQuiet() {
        TrainingHistory history = SyntheticRun.healthy(300).notice(100, "checkpoint", "checkpoint written").history();
        history.failed(new TrainingFailedException("the checkpoint was written for other training data"));
        assertThat(new OutOfMemoryRule().check(history, FACTS)).isEmpty();
    }
}
