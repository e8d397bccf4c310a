package dev.bertlab.run;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.BertLabApplication;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application stops while a run trains, and its worker does not stop within the grace
 * ({@code bertlab.worker.stop-grace}), so it is killed: the run goes back into the queue, not to FAILED, and the
 * next start resumes it to the end.
 */
@Tag("spring")
@Tag("slow")
class WorkerKilledAtShutdownTest {

    private static final Path DATA = DashboardTest.newDataDirectory("worker-killed-at-shutdown");
    private static final String DATABASE_URL = "jdbc:h2:file:" + DATA.resolve("bertlab") + ";DB_CLOSE_ON_EXIT=FALSE";

    @Test
    void aWorkerKilledAsTheApplicationStopsLeavesItsRunQueuedAndTheNextStartFinishesIt() throws Exception {
        TinyRuns.shareMiniLm(DATA);
        long runId;
        long workerPid;
        // a grace far shorter than a step: the worker is killed as the application stops
        try (ConfigurableApplicationContext first = start("10ms")) {
            RunService runs = first.getBean(RunService.class);
            long experimentId = TinyRuns.experiment(first.getBean(dev.bertlab.experiment.ExperimentService.class),
                    "killed-at-shutdown", 320, hp -> hp.evalStrategy(Hyperparameters.EvalStrategy.NO)).getId();
            runId = asEditor(() -> runs.runNow(experimentId, "tester")).getId();
            TinyRuns.await("the run to train 2 steps in a worker", Duration.ofSeconds(120),
                    () -> runs.get(runId).getStep() >= 2 && runs.get(runId).getWorkerPid() != null);
            workerPid = runs.get(runId).getWorkerPid();
        }
        assertThat(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false))
                .as("the worker is gone").isFalse();
        String[] row = row(runId);
        assertThat(row[0]).as("status (reason: %s)", row[1]).isEqualTo("QUEUED");
        // killed, not stopped at a step (that would say "at step N")
        assertThat(row[1]).contains("interrupted by a shutdown").doesNotContain(" at step ");

        try (ConfigurableApplicationContext second = start("60s")) {
            RunService runs = second.getBean(RunService.class);
            TinyRuns.await("the run to end after the restart", Duration.ofSeconds(180),
                    () -> runs.get(runId).getStatus().isFinal());
            TrainingRun done = runs.get(runId);
            assertThat(done.getStatus()).as(done.getReason()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(done.getAttempts()).isEqualTo(2);
            assertThat(done.getNodeLosses()).as("a stop is not a node lost").isZero();
        }
    }

    private static ConfigurableApplicationContext start(String stopGrace) {
        List<String> arguments = new ArrayList<>(List.of("--bertlab.data=" + DATA, "--spring.datasource.url=" + DATABASE_URL,
                "--bertlab.admin-password=admin-password", "--bertlab.quickstart=false", "--bertlab.threads=1",
                "--bertlab.cpu-slots=1", "--server.port=0", "--bertlab.worker.stop-grace=" + stopGrace));
        return new SpringApplicationBuilder(BertLabApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Status and reason of the run, read while no application holds the database. */
    private static String[] row(long runId) throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE_URL, "sa", "");
                PreparedStatement query = connection.prepareStatement("select status, reason from run where id = ?")) {
            query.setLong(1, runId);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                return new String[] {result.getString(1), result.getString(2)};
            }
        }
    }
}
