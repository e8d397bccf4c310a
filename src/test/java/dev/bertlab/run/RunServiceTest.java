package dev.bertlab.run;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.shared.Registration;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs through the real Quartz (JDBC store in H2) and the real engine, on tiny slices of a real dataset. */
@Tag("spring")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RunServiceTest {

    private static final Path DATA = DashboardTest.newDataDirectory("runs");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

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
    ScheduleService schedules;

    @Autowired
    RunEvents events;

    @Autowired
    Scheduler scheduler;

    @Test
    void aQueuedRunTrainsAndSucceedsWithMetricsAndFiles() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "tiny", 64, hp -> hp);
        List<RunEvent> everything = new CopyOnWriteArrayList<>();
        // listening before the run is queued: the dispatcher may start it before runNow returns
        Registration registration = events.subscribeAll(everything::add);
        TrainingRun queued = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        List<RunEvent> heard = new CopyOnWriteArrayList<>();

        assertThat(queued.getStatus()).isEqualTo(RunStatus.QUEUED);
        TrainingRun run = awaitEnd(queued.getId());
        registration.remove();
        everything.stream().filter(e -> e.runId() == queued.getId()).forEach(heard::add);

        assertThat(run.getStatus()).as(run.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.getStep()).isEqualTo(4);
        assertThat(run.getTotalSteps()).isEqualTo(4);
        assertThat(run.getAttempts()).isEqualTo(1);
        assertThat(run.getSlot()).isNull();
        assertThat(run.getDevice()).isEqualTo("cpu");
        assertThat(run.getStartedAt()).isNotNull();
        assertThat(run.getFinishedAt()).isAfterOrEqualTo(run.getStartedAt());
        assertThat(run.getTestMetrics()).containsKeys("accuracy", "f1", "loss");
        assertThat(run.getValidationMetrics()).containsKeys("accuracy", "f1", "loss");
        assertThat(run.getDatasetFingerprint()).hasSize(64);
        assertThat(run.getHyperparameters()).isEqualTo(experiment.getHyperparameters());

        RunDirectory directory = runs.directory(run);
        assertThat(directory.root()).isEqualTo(DATA.resolve("runs").resolve("run-" + run.getId()));
        assertThat(directory.model().resolve("model.safetensors")).isRegularFile();
        assertThat(directory.predictions("test")).isRegularFile();
        assertThat(directory.metrics("test")).isRegularFile();
        assertThat(TrainingLogReader.read(directory.trainingLog()).trainCurve("loss")).hasSize(4);

        assertThat(heard).filteredOn(RunEvent.TrainLine.class::isInstance).hasSize(4);
        assertThat(heard).filteredOn(RunEvent.Evaluation.class::isInstance).isNotEmpty();
        assertThat(heard).filteredOn(RunEvent.Progress.class::isInstance).last()
                .isEqualTo(new RunEvent.Progress(run.getId(), 4, 4, 1, 1, 0.0));
        assertThat(heard).filteredOn(RunEvent.StateChanged.class::isInstance)
                .extracting(e -> ((RunEvent.StateChanged) e).status()).containsSubsequence(RunStatus.RUNNING,
                        RunStatus.SUCCEEDED);
        assertThat(RunActivityLog.tail(run.getRunDirectory(), 100)).anyMatch(line -> line.contains("dataset amazon"))
                .anyMatch(line -> line.contains("SUCCEEDED"));
    }

    @Test
    void runsWaitForTheFreeSlotInQueueOrder() {
        Experiment experiment = TinyRuns.experiment(experiments, "slots", 64, hp -> hp);
        AtomicInteger mostRunningAtOnce = new AtomicInteger();
        Registration registration = events.subscribeAll(event -> {
            if (event instanceof RunEvent.StateChanged) {
                mostRunningAtOnce.accumulateAndGet(runs.withStatus(RunStatus.RUNNING).size(), Math::max);
            }
        });
        TrainingRun first = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        TrainingRun second = asEditor(() -> runs.runNow(experiment.getId(), "tester"));

        TinyRuns.await("the first run to start", RUN_TIMEOUT,
                () -> runs.get(first.getId()).getStatus() == RunStatus.RUNNING);
        assertThat(runs.get(second.getId()).getStatus()).isEqualTo(RunStatus.QUEUED);
        TrainingRun firstDone = awaitEnd(first.getId());
        TrainingRun secondDone = awaitEnd(second.getId());
        registration.remove();

        assertThat(firstDone.getStatus()).as(firstDone.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(secondDone.getStatus()).as(secondDone.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(secondDone.getStartedAt()).isAfterOrEqualTo(firstDone.getFinishedAt());
        assertThat(mostRunningAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aCancelledRunStopsWithItsCheckpointAndResumesWhereItStopped() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "cancel", 160, hp -> hp
                .saveStrategy(Hyperparameters.SaveStrategy.STEPS).saveSteps(100));
        TrainingRun queued = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
        // cancel as soon as the second step is done: the engine stops after the step it is in
        Registration registration = events.subscribe(queued.getId(), event -> {
            if (event instanceof RunEvent.TrainLine line && line.line().step() == 2) {
                asEditor(() -> runs.cancel(queued.getId(), "tester"));
            }
        });
        TrainingRun cancelled = awaitEnd(queued.getId());
        registration.remove();

        assertThat(cancelled.getStatus()).as(cancelled.getReason()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.getReason()).contains("cancelled at step");
        int stoppedAt = cancelled.getStep();
        assertThat(stoppedAt).isBetween(2, 9);
        RunDirectory directory = runs.directory(cancelled);
        assertThat(directory.checkpoints().resolve(String.format("step-%06d", stoppedAt))).isDirectory();
        assertThat(directory.model()).doesNotExist();
        assertThatThrownBy(() -> asEditor(() -> runs.cancel(queued.getId(), "tester")))
                .isInstanceOf(RunStateException.class);

        TrainingRun resumed = asEditor(() -> runs.resume(queued.getId(), "tester"));
        assertThat(resumed.getStatus()).isEqualTo(RunStatus.QUEUED);
        TrainingRun done = awaitEnd(queued.getId());

        assertThat(done.getStatus()).as(done.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.getStep()).isEqualTo(10);
        assertThat(done.getAttempts()).isEqualTo(2);
        TrainingLogReader.Log log = TrainingLogReader.read(directory.trainingLog());
        // every step trained once: the resumed part continued after the checkpoint instead of starting over
        assertThat(log.trainCurve("loss")).extracting(point -> (int) point[0])
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).hasSize(10);
        assertThat(log.notices()).anyMatch(n -> n.kind().equals("resumed") && n.step() == stoppedAt);
        assertThatThrownBy(() -> asEditor(() -> runs.resume(queued.getId(), "tester")))
                .isInstanceOf(RunStateException.class);
    }

    @Test
    void aQueuedRunCanBeCancelledBeforeItStarts() {
        Experiment experiment = TinyRuns.experiment(experiments, "later", 64, hp -> hp);
        TrainingRun later = asEditor(() -> runs.runAt(experiment.getId(), Instant.now().plusSeconds(3600), "tester"));
        assertThat(later.getScheduledFor()).isNotNull();

        asEditor(() -> runs.cancel(later.getId(), "tester"));

        TrainingRun cancelled = runs.get(later.getId());
        assertThat(cancelled.getStatus()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.getAttempts()).isZero();
        assertThat(cancelled.getReason()).contains("before it started");
    }

    @Test
    void aRunScheduledForLaterWaitsForItsTime() {
        Experiment experiment = TinyRuns.experiment(experiments, "at", 64, hp -> hp);
        Instant when = Instant.now().plusSeconds(4);
        TrainingRun scheduled = asEditor(() -> runs.runAt(experiment.getId(), when, "tester"));

        assertThat(scheduled.getStatus()).isEqualTo(RunStatus.QUEUED);
        assertThat(scheduled.getScheduledFor()).isEqualTo(when);
        TrainingRun done = awaitEnd(scheduled.getId());

        assertThat(done.getStatus()).as(done.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.getStartedAt()).isAfterOrEqualTo(when);
    }

    @Test
    void aCronScheduleIsStoredAsAQuartzCronTriggerAndCanBePausedAndDeleted() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "nightly", 64, hp -> hp);
        Schedule schedule = asEditor(() -> schedules.create(experiment.getId(), "0 1 * * *", "nightly at 01:00",
                "tester"));

        Trigger trigger = scheduler.getTrigger(ScheduleService.triggerKey(schedule.getId()));
        assertThat(trigger).isInstanceOf(CronTrigger.class);
        assertThat(((CronTrigger) trigger).getCronExpression()).isEqualTo("0 0 1 * * ?");
        assertThat(schedules.nextRun(schedule.getId())).isPresent();
        assertThat(schedules.all()).extracting(e -> e.schedule().getId()).contains(schedule.getId());

        asEditor(() -> schedules.setEnabled(schedule.getId(), false));
        assertThat(scheduler.getTriggerState(trigger.getKey())).isEqualTo(Trigger.TriggerState.PAUSED);
        assertThat(schedules.nextRun(schedule.getId())).isEmpty();
        asEditor(() -> schedules.setEnabled(schedule.getId(), true));
        assertThat(scheduler.getTriggerState(trigger.getKey())).isEqualTo(Trigger.TriggerState.NORMAL);

        assertThatThrownBy(() -> asEditor(() -> schedules.create(experiment.getId(), "every night", "", "tester")))
                .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("cron");
        asEditor(() -> schedules.delete(schedule.getId()));
        assertThat(scheduler.checkExists(trigger.getKey())).isFalse();
    }

    @Test
    void aCronScheduleThatFiresQueuesARun() {
        Experiment experiment = TinyRuns.experiment(experiments, "every-second", 64, hp -> hp);
        Schedule schedule = asEditor(() -> schedules.create(experiment.getId(), "* * * * * ?", "every second",
                "tester"));

        TinyRuns.await("the schedule to queue a run", Duration.ofSeconds(20),
                () -> !runs.forExperiment(experiment.getId()).isEmpty());
        asEditor(() -> schedules.delete(schedule.getId()));

        assertThat(runs.forExperiment(experiment.getId())).allSatisfy(run -> {
            assertThat(run.getCreatedBy()).isEqualTo("tester");
            assertThat(run.getExperimentId()).isEqualTo(experiment.getId());
        });
        // the other tests train; these runs need not
        TinyRuns.await("the scheduled runs to be cancelled", RUN_TIMEOUT, () -> {
            List<TrainingRun> live = runs.forExperiment(experiment.getId()).stream()
                    .filter(run -> !run.getStatus().isFinal()).toList();
            live.stream().filter(run -> !run.isCancelRequested()).forEach(run -> {
                try {
                    asEditor(() -> runs.cancel(run.getId(), "tester"));
                } catch (RunStateException endedMeanwhile) {
                    // fine: it is final now
                }
            });
            return live.isEmpty();
        });
    }

    /**
     * Quartz's scheduler thread looks at the job store every 20-30 s when it has nothing due; a schedule created
     * (or enabled again) in a transaction must wake it once committed, or its first firings wait for that look.
     * Repeated, because a wake-up that comes before the commit is missed only some of the time.
     */
    @Test
    void aNewOrReEnabledScheduleFiresAtItsFirstDueTime() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "first-firing", 64, hp -> hp);
        experiment.setDevice("cuda"); // its runs wait for a GPU on this machine: queued, never trained
        dev.bertlab.security.SystemAuthentication.callAs(dev.bertlab.security.Role.EDITOR,
                () -> experiments.save(experiment, "tester"));
        for (int attempt = 1; attempt <= 4; attempt++) {
            int before = runs.forExperiment(experiment.getId()).size();
            Schedule schedule = asEditor(() -> schedules.create(experiment.getId(), "* * * * * ?", "every second",
                "tester"));
            TinyRuns.await("new schedule " + attempt + " to fire within 3 s", Duration.ofSeconds(3),
                    () -> runs.forExperiment(experiment.getId()).size() > before);
            if (attempt == 4) {
                asEditor(() -> schedules.setEnabled(schedule.getId(), false));
                Thread.sleep(1_500); // a firing already under way may still queue its run
                int paused = runs.forExperiment(experiment.getId()).size();
                asEditor(() -> schedules.setEnabled(schedule.getId(), true));
                TinyRuns.await("the enabled schedule to fire within 3 s", Duration.ofSeconds(3),
                        () -> runs.forExperiment(experiment.getId()).size() > paused);
            }
            asEditor(() -> schedules.delete(schedule.getId()));
            Thread.sleep(1_500);
        }
        for (TrainingRun run : runs.forExperiment(experiment.getId())) {
            if (!run.getStatus().isFinal()) {
                asEditor(() -> runs.cancel(run.getId(), "tester"));
            }
        }
    }

    private TrainingRun awaitEnd(long runId) {
        TinyRuns.await("run " + runId + " to end", RUN_TIMEOUT, () -> runs.get(runId).getStatus().isFinal());
        return runs.get(runId);
    }
}
