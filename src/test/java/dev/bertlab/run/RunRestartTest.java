package dev.bertlab.run;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.BertLabApplication;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.support.ChildApplication;
import dev.bertlab.support.DashboardTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A schedule and a half-finished run survive a graceful stop and a crash. The run starts in one application
 * (this JVM), which is stopped while it trains; it continues in a second application (a child JVM), which is killed
 * while it trains; a third application (this JVM again, the same node) takes back the run it held and it completes
 * from its last checkpoint, its steps counting on instead of starting over. The run trains in worker processes; the killed
 * application's worker stops within seconds of it.
 */
@Tag("spring")
@Tag("slow")
class RunRestartTest {

    private static final Path DATA = DashboardTest.newDataDirectory("run-restart");
    private static final String DATABASE_URL = "jdbc:h2:file:" + DATA.resolve("bertlab") + ";DB_CLOSE_ON_EXIT=FALSE";
    private static final int TOTAL_STEPS = 20;

    @Test
    void aScheduleAndAHalfFinishedRunSurviveAStopAndACrash() throws Exception {
        TinyRuns.shareMiniLm(DATA);
        long runId;
        long scheduleId;
        RunDirectory directory;

        // 1. the run starts, and the application stops (gracefully) while it trains
        try (ConfigurableApplicationContext first = start()) {
            ExperimentService experiments = first.getBean(ExperimentService.class);
            RunService runs = first.getBean(RunService.class);
            Experiment experiment = TinyRuns.experiment(experiments, "restart", 320, hp -> hp
                    .saveStrategy(Hyperparameters.SaveStrategy.STEPS).saveSteps(2)
                    .evalStrategy(Hyperparameters.EvalStrategy.NO));
            ScheduleService schedules = first.getBean(ScheduleService.class);
            scheduleId = asEditor(() -> schedules.create(experiment.getId(), "nightly", "nightly", "tester")).getId();
            TrainingRun run = asEditor(() -> runs.runNow(experiment.getId(), "tester"));
            runId = run.getId();
            directory = runs.directory(run);
            TinyRuns.await("the first application to train 3 steps", Duration.ofSeconds(90),
                    () -> runs.get(run.getId()).getStep() >= 3);
        }
        Map<String, Object> afterStop = row(runId);
        assertThat(afterStop.get("STATUS")).isEqualTo("QUEUED");
        assertThat((String) afterStop.get("REASON")).contains("interrupted by a shutdown");
        int stoppedAt = (Integer) afterStop.get("STEP");
        assertThat(stoppedAt).isBetween(3, TOTAL_STEPS - 1);
        assertThat(checkpointSteps(directory)).contains(stoppedAt);

        // 2. a second application resumes it and is killed while it trains
        Process second = startChild();
        try {
            TinyRuns.await("the second application to write a checkpoint after step " + (stoppedAt + 2),
                    Duration.ofSeconds(150), () -> {
                        assertThat(second.isAlive()).as("the second application is running").isTrue();
                        return checkpointSteps(directory).stream().anyMatch(step -> step >= stoppedAt + 2);
                    });
        } finally {
            List<ProcessHandle> workers = second.descendants().toList();
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
            // its worker watches it: once the application is gone the run must not go on training there, or the
            // recovery below would train it twice at once
            assertThat(workers).as("the second application trains in a worker process").isNotEmpty();
            TinyRuns.await("the killed application's worker to stop", Duration.ofSeconds(15),
                    () -> workers.stream().noneMatch(ProcessHandle::isAlive));
        }
        int killedAfter = checkpointSteps(directory).stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(killedAfter).isLessThan(TOTAL_STEPS);
        assertThat(row(runId).get("STATUS")).isEqualTo("RUNNING");

        // 3. a third application (the same node) takes the run back and completes it from the checkpoint
        try (ConfigurableApplicationContext third = start()) {
            RunService runs = third.getBean(RunService.class);
            TinyRuns.await("the recovered run to end", Duration.ofSeconds(120),
                    () -> runs.get(runId).getStatus().isFinal());
            TrainingRun done = runs.get(runId);
            assertThat(done.getStatus()).as(done.getReason()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(done.getStep()).isEqualTo(TOTAL_STEPS);
            assertThat(done.getAttempts()).isEqualTo(3);
            assertThat(done.getNodeLosses()).as("the killed application counts as one node lost").isEqualTo(1);
            assertThat(done.getNodeLossHistory()).contains("died while the run trained");
            assertThat(done.getTestMetrics()).containsKey("accuracy");
            assertThat(directory.model().resolve("model.safetensors")).isRegularFile();

            TrainingLogReader.Log log = TrainingLogReader.read(directory.trainingLog());
            assertThat(log.notices()).filteredOn(notice -> notice.kind().equals("resumed"))
                    .extracting(TrainingLogReader.Notice::step).containsExactly(stoppedAt, killedAfter);
            List<Integer> steps = log.trainCurve("loss").stream().map(point -> (int) point[0]).toList();
            assertThat(steps).containsAll(java.util.stream.IntStream.rangeClosed(1, TOTAL_STEPS).boxed().toList());
            // only the steps after the last checkpoint, lost with the killed process, were trained again
            assertThat(steps.stream().filter(step -> step <= killedAfter)).doesNotHaveDuplicates();
            assertThat(RunActivityLog.tail(done.getRunDirectory(), 500))
                    .anyMatch(line -> line.contains("recovered: node ") && line.contains(" restarted while it trained"));

            Scheduler scheduler = third.getBean(Scheduler.class);
            assertThat(scheduler.getTrigger(ScheduleService.triggerKey(scheduleId))).isInstanceOf(CronTrigger.class);
            assertThat(third.getBean(ScheduleService.class).nextRun(scheduleId)).isPresent();
        }
    }

    private static ConfigurableApplicationContext start() {
        // as arguments: they outrank the system properties the test JVM is started with (bertlab.data among them)
        return new SpringApplicationBuilder(BertLabApplication.class).run(arguments().toArray(String[]::new));
    }

    private static List<String> arguments() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bertlab.data", DATA.toString());
        properties.put("spring.datasource.url", DATABASE_URL);
        properties.put("bertlab.admin-password", "admin-password");
        properties.put("bertlab.quickstart", "false");
        properties.put("bertlab.threads", "1");
        properties.put("bertlab.cpu-slots", "1");
        properties.put("server.port", "0");
        return properties;
    }

    /** The application in a JVM of its own, which can be killed like a crashed server. */
    private static Process startChild() throws IOException {
        return ChildApplication.start("3g", arguments(), DATA.resolve("second-application.log"));
    }

    /** The run's row, read while no application holds the database. */
    private static Map<String, Object> row(long runId) throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE_URL, "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select status, reason, step from run where id = ?")) {
            query.setLong(1, runId);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("STATUS", result.getString(1));
                row.put("REASON", result.getString(2));
                row.put("STEP", result.getInt(3));
                return row;
            }
        }
    }

    private static List<Integer> checkpointSteps(RunDirectory directory) {
        if (!Files.isDirectory(directory.checkpoints())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory.checkpoints())) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("step-\\d+"))
                    .filter(name -> Files.exists(directory.checkpoints().resolve(name).resolve("trainer_state.json")))
                    .map(name -> Integer.parseInt(name.substring("step-".length()))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
