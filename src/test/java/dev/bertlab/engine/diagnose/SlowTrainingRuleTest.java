package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.Hyperparameters;
import org.junit.jupiter.api.Test;

class SlowTrainingRuleTest {

    private static final Hyperparameters HP = Hyperparameters.builder().maxLength(512).groupByLength(false).build();

    @Test
    void throughputFarBelowTheBenchmarkIsSlow() {
        SyntheticRun run = SyntheticRun.of(200);
        // the first line carries start-up costs and is skipped; then 40 samples/s against 100 expected
        run.log(10, 0.6, 1, 2e-5, 5, 0.1);
        for (int step = 20; step <= 100; step += 10) {
            run.log(step, 0.6, 1, 2e-5, step <= 30 ? 90 : 40, 0.1);
        }

        Diagnosis diagnosis = new SlowTrainingRule().check(run.history(),
                RunFacts.classification(HP, 2).withExpectedSamplesPerSecond(100)).orElseThrow();

        // lines 20, 30, 40 have median 90; lines 30, 40, 50 have median 40
        assertThat(diagnosis.step()).isEqualTo(50);
        assertThat(diagnosis.evidence().values()).containsEntry("samples_per_second", 40.0)
                .containsEntry("expected_samples_per_second", 100.0).containsEntry("share_of_expected", 0.4);
        assertThat(diagnosis.remedy().changes()).containsEntry("group_by_length", true)
                .containsEntry("max_length", 256);
    }

    @Test
    void aHighPaddingShareIsSlowEvenWithoutABenchmark() {
        SyntheticRun run = SyntheticRun.of(200);
        for (int step = 10; step <= 60; step += 10) {
            run.log(step, 0.6, 1, 2e-5, 100, step < 40 ? 0.1 : 0.7);
        }
        Diagnosis diagnosis = new SlowTrainingRule().check(run.history(), RunFacts.classification(HP, 2))
                .orElseThrow();
        // mean padding of lines 30..50 is 0.5
        assertThat(diagnosis.step()).isEqualTo(50);
        assertThat(diagnosis.evidence().values().get("padding_share")).isCloseTo(0.5,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(diagnosis.remedy().changes()).containsOnlyKeys("group_by_length");
    }

    @Test
    void aHealthyRunIsQuietWithAndWithoutABenchmark() {
        TrainingHistory healthy = SyntheticRun.healthy(600).history();
        RunFacts facts = RunFacts.classification(Hyperparameters.defaults(), 2);
        assertThat(new SlowTrainingRule().check(healthy, facts)).isEmpty();
        assertThat(new SlowTrainingRule().check(healthy, facts.withExpectedSamplesPerSecond(120))).isEmpty();
    }
}
