package dev.bertlab.run;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentRuns;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.RunOutcome;
import dev.bertlab.experiment.RunSummary;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The runs as the experiment pages get them, from the real run feature on H2. No CPU slot, so that a queued run
 * stays queued and nothing trains.
 */
@Tag("spring")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RunSummariesTest {

    private static final Path DATA = DashboardTest.newDataDirectory("run-summaries");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.cpu-slots", () -> "0");
    }

    @Autowired
    ExperimentRuns summaries;

    @Autowired
    ExperimentService experiments;

    @Autowired
    TrainingRunRepository runs;

    @Test
    void eachStateComesWithWhatItMeansForTheExperimentPages() {
        long experimentId = TinyRuns.experiment(experiments, "every state", 32, hp -> hp).getId();
        for (RunStatus status : RunStatus.values()) {
            run(experimentId, status, status == RunStatus.SUCCEEDED ? 0.9 : null, status.name() + " because");
        }

        List<RunSummary> newestFirst = summaries.of(experimentId);

        assertThat(newestFirst).extracting(RunSummary::status)
                .containsExactly("DIVERGED", "CANCELLED", "FAILED", "SUCCEEDED", "RUNNING", "QUEUED");
        assertThat(newestFirst).extracting(RunSummary::outcome).containsExactly(RunOutcome.FAILED,
                RunOutcome.CANCELLED, RunOutcome.FAILED, RunOutcome.SUCCEEDED, RunOutcome.LIVE, RunOutcome.LIVE);
        RunSummary succeeded = newestFirst.get(3);
        assertThat(succeeded.testAccuracy()).isEqualTo(0.9);
        assertThat(succeeded.reason()).isEqualTo("SUCCEEDED because");
        assertThat(succeeded.queuedAt()).isNotNull();
        assertThat(succeeded.finishedAt()).isNotNull();
        assertThat(newestFirst.get(4).testAccuracy()).isNull();
        assertThat(newestFirst.get(4).finishedAt()).isNull();
        assertThat(summaries.statuses()).containsExactlyElementsOf(Arrays.stream(RunStatus.values())
                .map(RunStatus::name).toList());
    }

    @Test
    void runsAreGroupedByTheirExperimentNewestFirst() {
        long first = TinyRuns.experiment(experiments, "first", 32, hp -> hp).getId();
        long second = TinyRuns.experiment(experiments, "second", 32, hp -> hp).getId();
        long older = run(first, RunStatus.FAILED, null, null);
        long other = run(second, RunStatus.SUCCEEDED, 0.8, null);
        long newer = run(first, RunStatus.SUCCEEDED, 0.85, null);

        Map<Long, List<RunSummary>> byExperiment = summaries.byExperiment();

        assertThat(byExperiment.get(first)).extracting(RunSummary::id).containsExactly(newer, older);
        assertThat(byExperiment.get(second)).extracting(RunSummary::id).containsExactly(other);
    }

    @Test
    void runNowQueuesARunOfTheExperiment() {
        Experiment experiment = TinyRuns.experiment(experiments, "queued", 32, hp -> hp);

        long runId = asEditor(() -> summaries.runNow(experiment.getId(), "tester"));

        TrainingRun run = runs.findById(runId).orElseThrow();
        assertThat(run.getExperimentId()).isEqualTo(experiment.getId());
        assertThat(run.getCreatedBy()).isEqualTo("tester");
        assertThat(summaries.of(experiment.getId())).singleElement()
                .satisfies(summary -> assertThat(summary.id()).isEqualTo(runId))
                .satisfies(summary -> assertThat(summary.outcome()).isEqualTo(RunOutcome.LIVE));
    }

    private long run(long experimentId, RunStatus status, Double accuracy, String reason) {
        TrainingRun run = new TrainingRun();
        run.setExperimentId(experimentId);
        run.setHyperparameters(Hyperparameters.defaults());
        run.setStatus(status);
        run.setQueuedAt(Instant.now());
        run.setFinishedAt(status.isFinal() ? Instant.now() : null);
        run.setReason(reason);
        run.setCreatedBy("tester");
        if (accuracy != null) {
            run.setTestMetrics(new LinkedHashMap<>(Map.of("accuracy", accuracy)));
        }
        return runs.save(run).getId();
    }
}
