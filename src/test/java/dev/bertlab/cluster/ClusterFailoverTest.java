package dev.bertlab.cluster;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunActivityLog;
import dev.bertlab.run.RunEvent;
import dev.bertlab.run.RunEvents;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.ScheduleService;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.support.ChildApplication;
import dev.bertlab.support.DashboardTest;
import dev.bertlab.support.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A cluster on one PostgreSQL database: this test's application is the dashboard node (no slots of its own, as a
 * dashboard in front of GPU machines would be), and two worker-only nodes ({@code bertlab worker}, each a process
 * of its own with one CPU slot) train the runs. A run is claimed by exactly one node; when that node is killed
 * with SIGKILL, the other takes the run over once its lease expires and finishes it from the last checkpoint with
 * the weights of an uninterrupted run. A cron schedule fires once per time across the three nodes, and a run that
 * asks for a GPU stays queued on these CPU-only nodes, saying why. A worker node serves health and metrics only.
 */
@Tag("spring")
@Tag("slow")
@ExtendWith(TestPostgres.StoppedAfterTheApplication.class) // first registered: its afterAll runs last
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverTest {

    private static final Path DATA = DashboardTest.newDataDirectory("cluster-failover");
    private static final TestPostgres POSTGRES = TestPostgres.start();
    private static final String DATABASE_URL = POSTGRES.newDatabase("cluster");
    private static final int TOTAL_STEPS = 30; // 480 examples in batches of 16
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);
    /**
     * Short timings keep the test short; {@code -Dbertlab.failover.defaults=true} runs it with the product's
     * (heartbeat 10 s, lease 30 s, a look at the queue every 5 s) to measure the failover time a cluster sees.
     */
    private static final boolean DEFAULT_TIMINGS = Boolean.getBoolean("bertlab.failover.defaults");
    private static final Duration LEASE = Duration.ofSeconds(DEFAULT_TIMINGS ? 30 : 4);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("bertlab.node-name", () -> "dashboard");
        registry.add("bertlab.cpu-slots", () -> "0");
        clusterTimings().forEach((key, value) -> registry.add(key, () -> value));
        TinyRuns.shareMiniLm(DATA);
    }

    private static Map<String, String> clusterTimings() {
        Map<String, String> timings = new LinkedHashMap<>();
        if (DEFAULT_TIMINGS) {
            return timings;
        }
        timings.put("bertlab.cluster.heartbeat", "1s");
        timings.put("bertlab.cluster.lease", LEASE.toSeconds() + "s");
        timings.put("bertlab.cluster.dispatch-interval", "1s");
        return timings;
    }

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    ScheduleService schedules;

    @Autowired
    ClusterService cluster;

    @Autowired
    RunEvents events;

    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    @BeforeAll
    void twoWorkerNodes() throws IOException {
        for (String name : List.of("node-1", "node-2")) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                ports.put(name, free.getLocalPort());
            }
            nodes.put(name, startWorkerNode(name, ports.get(name)));
        }
        TinyRuns.await("both worker nodes to announce themselves", Duration.ofSeconds(120), () -> {
            nodes.forEach((name, process) -> assertThat(process.isAlive()).as(name + " is running (see "
                    + DATA.resolve(name + ".log") + ")").isTrue());
            return cluster.nodes().stream().filter(node -> node.name().startsWith("node-")).count() == 2;
        });
    }

    @AfterAll
    void stopNodes() throws InterruptedException {
        for (Process node : nodes.values()) {
            List<ProcessHandle> children = node.descendants().toList();
            node.destroy();
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Order(1)
    void aWorkerNodeServesHealthAndMetricsAndNothingElse() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://localhost:" + ports.get("node-1");
        java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        TinyRuns.await("node-1 to be ready", Duration.ofSeconds(60),
                () -> get.apply("/actuator/health/readiness").statusCode() == 200);
        assertThat(get.apply("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        assertThat(get.apply("/actuator/prometheus").body()).contains("bertlab_slots{").contains("node=\"node-1\"");
        for (String page : List.of("/", "/login", "/runs", "/workers", "/api/v1/experiments", "/api/v1/openapi",
                "/actuator/env")) {
            assertThat(get.apply(page).statusCode()).as(page).isEqualTo(404);
        }
    }

    @Test
    @Order(2)
    void aRunWhoseNodeIsKilledIsFinishedByTheOtherWithTheWeightsOfAnUninterruptedRun() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "failover", 480, hp -> hp
                .saveStrategy(Hyperparameters.SaveStrategy.STEPS).saveSteps(2)
                .evalStrategy(Hyperparameters.EvalStrategy.NO).loadBestModelAtEnd(false));
        long runId = asEditor(() -> runs.runNow(experiment.getId(), "tester")).getId();
        // what a run page on this dashboard node hears while the run trains on the worker nodes
        List<RunEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        events.subscribe(runId, heard::add);
        RunDirectory directory = runs.directory(runs.get(runId));
        TinyRuns.await("a worker node to claim the run and write a checkpoint after step 4", RUN_TIMEOUT,
                () -> checkpointSteps(directory).stream().anyMatch(step -> step >= 4));
        TrainingRun claimed = runs.get(runId);
        assertThat(claimed.getStatus()).isEqualTo(RunStatus.RUNNING);
        String first = claimed.getWorkerNode();
        assertThat(first).isIn("node-1", "node-2");
        String second = first.equals("node-1") ? "node-2" : "node-1";

        // kill -9 of the node that trains it; its worker process watches it and stops within seconds
        Process killed = nodes.get(first);
        List<ProcessHandle> workers = killed.descendants().toList();
        assertThat(workers).as("the node trains in a worker process").isNotEmpty();
        killed.destroyForcibly();
        Instant killedAt = Instant.now();
        TinyRuns.await("the killed node's worker to stop", Duration.ofSeconds(15),
                () -> workers.stream().noneMatch(ProcessHandle::isAlive));
        Instant workerGone = Instant.now();
        int killedAfter = checkpointSteps(directory).stream().mapToInt(Integer::intValue).max().orElseThrow();

        TinyRuns.await("the other node to take the run over", Duration.ofSeconds(60), () -> {
            TrainingRun run = runs.get(runId);
            return run.getStatus() == RunStatus.RUNNING && second.equals(run.getWorkerNode());
        });
        Duration failover = Duration.between(killedAt, Instant.now());
        System.out.printf("cluster failover: node %s killed, worker gone after %d ms, run %d resumed on %s after "
                + "%d ms (lease %d s)%n", first, Duration.between(killedAt, workerGone).toMillis(), runId, second,
                failover.toMillis(), LEASE.toSeconds());
        assertThat(failover).as("recovered within a minute").isLessThan(Duration.ofMinutes(1));
        TinyRuns.await("the Workers page to show node " + first + " as lost", Duration.ofSeconds(40),
                () -> cluster.nodes().stream().anyMatch(node -> node.name().equals(first)
                        && node.state() == NodeStatus.State.LOST));

        TrainingRun done = awaitEnd(runId);
        assertThat(done.getStatus()).as(done.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.getWorkerNode()).isEqualTo(second);
        assertThat(done.getAttempts()).isEqualTo(2);
        assertThat(done.getNodeLosses()).isEqualTo(1);
        assertThat(done.getNodeLossHistory()).contains("node " + first).contains("died while the run trained");
        List<String> activity = RunActivityLog.tail(done.getRunDirectory(), 500);
        assertThat(activity).filteredOn(line -> line.contains("started on cpu-1 of node")).hasSize(2)
                .anyMatch(line -> line.contains("of node " + first))
                .anyMatch(line -> line.contains("of node " + second));
        assertThat(activity).anyMatch(line -> line.contains("the lease of node " + first + " ran out"));
        // only the steps after the last checkpoint, lost with the killed node, were trained again: never twice at once
        var log = dev.bertlab.engine.run.TrainingLogReader.read(directory.trainingLog());
        List<Integer> steps = log.trainCurve("loss").stream().map(point -> (int) point[0]).toList();
        assertThat(steps.stream().filter(step -> step <= killedAfter)).doesNotHaveDuplicates();

        TinyRuns.await("the dashboard to hear that the run succeeded", Duration.ofSeconds(10), () -> heard.stream()
                .anyMatch(event -> event instanceof RunEvent.StateChanged state && state.status() == RunStatus.SUCCEEDED));
        assertThat(heard).as("the dashboard's page follows the run on the worker nodes")
                .anyMatch(event -> event instanceof RunEvent.Progress)
                .anyMatch(event -> event instanceof RunEvent.LogLine line && line.text().contains("step "))
                .anyMatch(event -> event instanceof RunEvent.LogLine line
                        && line.text().contains("recovered: the lease of node " + first + " ran out"));
        List<Integer> liveSteps = heard.stream().filter(event -> event instanceof RunEvent.TrainLine)
                .map(event -> ((RunEvent.TrainLine) event).line().step()).toList();
        assertThat(liveSteps).as("training lines heard live").contains(killedAfter + 1, TOTAL_STEPS);

        long referenceId = asEditor(() -> runs.runNow(experiment.getId(), "tester")).getId();
        TrainingRun reference = awaitEnd(referenceId);
        assertThat(reference.getStatus()).as(reference.getReason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(reference.getWorkerNode()).isEqualTo(second);
        assertThat(weights(done)).as("the recovered run's weights equal an uninterrupted run's")
                .isEqualTo(weights(reference));
        assertThat(done.getTestMetrics()).isEqualTo(reference.getTestMetrics());
    }

    /** After the test above, one worker node is dead: the schedule fires on the nodes that are left. */
    @Test
    @Order(3)
    void aCronScheduleFiresOnceAcrossTheNodesAndAGpuRunWaitsForAGpu() throws Exception {
        Experiment experiment = TinyRuns.experiment(experiments, "wants-a-gpu", 64, hp -> hp);
        experiment.setDevice("cuda");
        dev.bertlab.security.SystemAuthentication.callAs(dev.bertlab.security.Role.EDITOR,
                () -> experiments.save(experiment, "tester"));
        long scheduleId = asEditor(() -> schedules.create(experiment.getId(), "*/3 * * * * ?", "every 3 s", "tester"))
                .getId();
        Thread.sleep(10_000);
        asEditor(() -> schedules.delete(scheduleId));
        Thread.sleep(2_000);

        List<TrainingRun> fired = runs.forExperiment(experiment.getId());
        assertThat(fired).as("a firing every 3 s for 10 s").hasSizeBetween(2, 4);
        List<Instant> times = fired.stream().map(TrainingRun::getQueuedAt).sorted().toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).as("runs queued at %s", times)
                    .isGreaterThan(Duration.ofMillis(2_000));
        }
        TinyRuns.await("the GPU runs to say why they wait", Duration.ofSeconds(20), () -> runs.forExperiment(experiment.getId()).stream().allMatch(run -> run.getReason() != null));
        for (TrainingRun run : runs.forExperiment(experiment.getId())) {
            assertThat(run.getStatus()).isEqualTo(RunStatus.QUEUED);
            assertThat(run.getReason()).contains("waits for a node with a free GPU").contains("cuda");
            asEditor(() -> runs.cancel(run.getId(), "tester"));
        }
    }

    private TrainingRun awaitEnd(long runId) {
        TinyRuns.await("run " + runId + " to end", RUN_TIMEOUT, () -> runs.get(runId).getStatus().isFinal());
        return runs.get(runId);
    }

    private byte[] weights(TrainingRun run) throws IOException {
        return Files.readAllBytes(runs.directory(run).model().resolve("model.safetensors"));
    }

    private static List<Integer> checkpointSteps(RunDirectory directory) {
        if (!Files.isDirectory(directory.checkpoints())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory.checkpoints())) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.matches("step-\\d+"))
                    .map(name -> Integer.parseInt(name.substring(5))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code bertlab worker} from this test's classpath, on the cluster's database and data directory. */
    private static Process startWorkerNode(String name, int port) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", DATABASE_URL);
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "");
        settings.put("bertlab.data", DATA.toString());
        settings.put("bertlab.node-name", name);
        settings.put("bertlab.cpu-slots", "1");
        settings.put("bertlab.threads", "1");
        settings.put("bertlab.worker.jvm-options", "-Xmx1g");
        settings.put("server.port", Integer.toString(port));
        settings.putAll(clusterTimings());
        List<String> arguments = new ArrayList<>(List.of("worker"));
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return ChildApplication.start("1g", arguments, DATA.resolve(name + ".log"));
    }
}
