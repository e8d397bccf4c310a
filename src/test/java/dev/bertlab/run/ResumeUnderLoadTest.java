package dev.bertlab.run;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.classify.ClassificationService;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run cancelled in the middle and resumed ends with exactly the weights of the same run left alone, while the
 * dashboard classifies texts with another model all along. {@code -Dbertlab.resume.repeat=20} repeats the
 * cancel-and-resume cycle (the README reports such a run); the test command does it once.
 */
@Tag("spring")
@Tag("slow")
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ResumeUnderLoadTest {

    private static final Path DATA = DashboardTest.newDataDirectory("resume-under-load");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);
    private static final int REPEAT = Integer.getInteger("bertlab.resume.repeat", 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.threads", () -> "1");
        registry.add("bertlab.cpu-slots", () -> "1");
        TinyRuns.shareMiniLm(DATA);
    }

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    RunEvents events;

    @Autowired
    ClassificationService classification;

    @Test
    void aResumedRunEndsWithTheWeightsOfAnUninterruptedOneWhileClassifyRequestsAreServed() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "resume-under-load", 160, hp -> hp
                .evalStrategy(Hyperparameters.EvalStrategy.NO).saveStrategy(Hyperparameters.SaveStrategy.NO)
                .loadBestModelAtEnd(false));
        TrainingRun reference = awaitEnd(asEditor(() -> runs.runNow(experiment.getId(), "tester")).getId());
        assertThat(reference.getStatus()).as(reference.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        byte[] referenceWeights = weights(reference);

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread load = new Thread(() -> {
            while (loading.get()) {
                try {
                    classification.classify(List.of("A wonderful film.", "Two hours I will not get back."),
                            Long.toString(reference.getId()));
                    served.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }, "classify-load");
        load.start();
        try {
            for (int cycle = 1; cycle <= REPEAT; cycle++) {
                long runId = asEditor(() -> runs.runNow(experiment.getId(), "tester")).getId();
                int stopAfter = 1 + cycle % 8;
                var registration = events.subscribe(runId, event -> {
                    if (event instanceof RunEvent.TrainLine line && line.line().step() == stopAfter) {
                        asEditor(() -> runs.cancel(runId, "tester"));
                    }
                });
                TrainingRun cancelled = awaitEnd(runId);
                registration.remove();
                assertThat(cancelled.getStatus()).as("cycle %d: %s", cycle, cancelled.getReason())
                        .isEqualTo(RunStatus.CANCELLED);
                asEditor(() -> runs.resume(runId, "tester"));
                TrainingRun done = awaitEnd(runId);
                assertThat(done.getStatus()).as("cycle %d: %s", cycle, done.getReason())
                        .isEqualTo(RunStatus.SUCCEEDED);
                assertThat(weights(done)).as("cycle %d: the resumed run's weights (stopped after step %d)", cycle,
                        cancelled.getStep()).isEqualTo(referenceWeights);
                System.out.printf("resume under load: cycle %d of %d passed (stopped at step %d, %d classify "
                        + "requests served so far)%n", cycle, REPEAT, cancelled.getStep(), served.get());
            }
        } finally {
            loading.set(false);
            load.join(30_000);
        }
        assertThat(failures).isEmpty();
        assertThat(served.get()).isPositive();
    }

    private byte[] weights(TrainingRun run) throws java.io.IOException {
        return Files.readAllBytes(runs.directory(run).model().resolve("model.safetensors"));
    }

    private TrainingRun awaitEnd(long runId) {
        TinyRuns.await("run " + runId + " to end", RUN_TIMEOUT, () -> runs.get(runId).getStatus().isFinal());
        return runs.get(runId);
    }
}
