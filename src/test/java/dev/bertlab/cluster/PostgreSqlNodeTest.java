package dev.bertlab.cluster;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.ScheduleService;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.support.DashboardTest;
import dev.bertlab.support.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node on PostgreSQL instead of the embedded H2: Flyway builds the schema from the PostgreSQL migrations, Quartz
 * runs its clustered job store, and a run goes from the queue through a worker to its metrics.
 */
@Tag("spring")
@ExtendWith(TestPostgres.StoppedAfterTheApplication.class) // first registered: its afterAll runs last
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgreSqlNodeTest {

    private static final Path DATA = DashboardTest.newDataDirectory("postgresql-node");
    private static final TestPostgres POSTGRES = TestPostgres.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        POSTGRES.register(registry, "bertlab");
        registry.add("bertlab.threads", () -> "1");
        TinyRuns.shareMiniLm(DATA);
    }


    @Autowired
    Scheduler scheduler;

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    ScheduleService schedules;

    @Test
    void quartzRunsItsClusteredJobStoreOnPostgreSql() throws Exception {
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().getJobStoreClass().getSimpleName()).contains("JobStore");
    }

    @Test
    void aRunGoesFromTheQueueThroughAWorkerToItsMetrics() {
        long experiment = TinyRuns.experiment(experiments, "on-postgresql", 64, hp -> hp
                .evalStrategy(Hyperparameters.EvalStrategy.NO)).getId();
        long scheduleId = asEditor(() -> schedules.create(experiment, "nightly", "nightly", "tester")).getId();
        long runId = asEditor(() -> runs.runNow(experiment, "tester")).getId();

        TinyRuns.await("the run to end", Duration.ofSeconds(180), () -> runs.get(runId).getStatus().isFinal());
        TrainingRun done = runs.get(runId);
        assertThat(done.getStatus()).as(done.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.getTestMetrics()).containsKey("accuracy");
        assertThat(done.getWorkerPid()).isNotNull();
        assertThat(schedules.nextRun(scheduleId)).isPresent();
    }
}
