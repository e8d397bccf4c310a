package dev.bertlab.run;

import static dev.bertlab.support.Acting.asAdmin;
import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.security.ApiTokenService;
import dev.bertlab.security.Role;
import dev.bertlab.security.UserService;
import dev.bertlab.support.DashboardTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs in worker processes, seen the way a user sees them (the REST API of a started dashboard with two CPU
 * slots): each run in a process of its own, two of them training at the same time, a worker killed by a signal
 * failing only its run, a run whose node stopped renewing its lease taken back, and one whose node died twice
 * not started again.
 */
@Tag("spring")
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerRunsTest {

    private static final Path DATA = DashboardTest.newDataDirectory("worker-runs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.threads", () -> "1");
        registry.add("bertlab.cpu-slots", () -> "2");
        registry.add("bertlab.node-name", () -> "node-under-test");
        registry.add("bertlab.worker.jvm-options", () -> "-Xmx1g");
        registry.add("bertlab.cluster.heartbeat", () -> "1s");
        registry.add("bertlab.cluster.lease", () -> "3s");
        TinyRuns.shareMiniLm(DATA);
    }

    @LocalServerPort
    int port;

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    UserService users;

    @Autowired
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeAll
    void token() {
        asAdmin(() -> users.create("watcher", "watcher-password", Role.VIEWER));
        token = asAdmin(() -> tokens.issue("watching", "watcher")).secret();
    }

    @Test
    void twoRunsOnTwoSlotsTrainAtTheSameTimeEachInAWorkerOfItsOwn() throws Exception {
        long first = asEditor(() -> runs.runNow(experiment("overlap-a").getId(), "tester")).getId();
        long second = asEditor(() -> runs.runNow(experiment("overlap-b").getId(), "tester")).getId();
        JsonNode a = awaitFinal(first);
        JsonNode b = awaitFinal(second);

        assertThat(a.get("status").asText()).as(a.toString()).isEqualTo("SUCCEEDED");
        assertThat(b.get("status").asText()).as(b.toString()).isEqualTo("SUCCEEDED");
        long pidA = a.get("workerPid").asLong();
        long pidB = b.get("workerPid").asLong();
        assertThat(List.of(pidA, pidB)).doesNotContain(ProcessHandle.current().pid());
        assertThat(pidA).isNotEqualTo(pidB);
        assertThat(a.get("workerNode").asText()).isEqualTo("node-under-test");
        // the worker that trained keeps freed tensor memory for reuse (glibc's malloc, as on this machine)
        Path runJson = Path.of(runs.get(first).getRunDirectory(), "run.json");
        assertThat(new ObjectMapper().readTree(runJson.toFile()).path("tensor_memory").asText())
                .isEqualTo("kept for reuse");
        assertThat(RunActivityLog.tail(runs.get(first).getRunDirectory(), 200))
                .anyMatch(line -> line.contains("freed tensor memory kept for reuse"));
        // the steps of each, by the time their logs give: one run's steps fall between the other's first and last
        List<Instant> stepsA = stepTimes(first);
        List<Instant> stepsB = stepTimes(second);
        Instant start = later(stepsA.get(0), stepsB.get(0));
        Instant end = earlier(stepsA.get(stepsA.size() - 1), stepsB.get(stepsB.size() - 1));
        assertThat(start).as("steps of run A %s .. %s and run B %s .. %s overlap", stepsA.get(0),
                stepsA.get(stepsA.size() - 1), stepsB.get(0), stepsB.get(stepsB.size() - 1)).isBefore(end);
    }

    @Test
    void aWorkerKilledBySigkillFailsItsRunWithTheSignalAndTheDashboardKeepsServing() throws Exception {
        long runId = asEditor(() -> runs.runNow(experiment("killed").getId(), "tester")).getId();
        TinyRuns.await("the run to train in a worker", RUN_TIMEOUT, () -> {
            JsonNode run = run(runId);
            return run.get("step").asInt() >= 1 && run.hasNonNull("workerPid");
        });
        long pid = run(runId).get("workerPid").asLong();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        JsonNode failed = awaitFinal(runId);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).contains("pid " + pid).contains("signal 9 (SIGKILL)");
        assertThat(get("/api/v1/experiments").statusCode()).as("the dashboard answers").isEqualTo(200);
        assertThat(get("/api/v1/models").statusCode()).isEqualTo(200);
        assertThat(RunActivityLog.tail(runs.get(runId).getRunDirectory(), 50))
                .anyMatch(line -> line.contains("training in worker process " + pid + " on node-under-test"));
    }

    @Test
    void aRunWhoseNodeStoppedRenewingItsLeaseIsTakenBackAndAfterTheSecondLossFailed() throws Exception {
        // a run queued for tomorrow stays out of this node's slots; a node that no longer exists claimed it and
        // died, leaving its row as a dead node leaves it: RUNNING, its slot held, a lease that has run out
        long runId = asEditor(() -> runs.runAt(experiment("crash-loop").getId(), Instant.now().plus(1, ChronoUnit.DAYS),
                "tester"))
                .getId();

        claimedByADeadNode(runId, "node-gone-1");
        JsonNode takenBack = awaitStatus(runId, "QUEUED");
        assertThat(takenBack.get("reason").asText()).contains("node node-gone-1")
                .contains("died while the run trained").contains("resumes from its last checkpoint");
        assertThat(RunActivityLog.tail(runs.get(runId).getRunDirectory(), 50))
                .anyMatch(line -> line.contains("the lease of node node-gone-1 ran out"));

        claimedByADeadNode(runId, "node-gone-2");
        JsonNode failed = awaitStatus(runId, "FAILED");
        assertThat(failed.get("reason").asText()).contains("died 2 times").contains("node node-gone-1")
                .contains("node node-gone-2");
    }

    private void claimedByADeadNode(long runId, String node) {
        jdbc.update("update run set status = 'RUNNING', slot = 'cpu-1', worker_node = ?, worker_pid = 4242,"
                + " lease_until = ? where id = ?", node, java.sql.Timestamp.from(Instant.now().minusSeconds(1)), runId);
    }

    private JsonNode awaitStatus(long runId, String status) throws Exception {
        JsonNode[] last = new JsonNode[1];
        TinyRuns.await("run " + runId + " to be " + status, Duration.ofSeconds(30), () -> {
            last[0] = run(runId);
            return last[0].get("status").asText().equals(status);
        });
        return last[0];
    }

    private Experiment experiment(String name) {
        return TinyRuns.experiment(experiments, name, 640, hp -> hp
                .evalStrategy(Hyperparameters.EvalStrategy.NO).saveStrategy(Hyperparameters.SaveStrategy.NO)
                .loadBestModelAtEnd(false));
    }

    private JsonNode awaitFinal(long runId) {
        TinyRuns.await("run " + runId + " to end", RUN_TIMEOUT,
                () -> List.of("SUCCEEDED", "FAILED", "CANCELLED", "DIVERGED").contains(run(runId).get("status").asText()));
        return run(runId);
    }

    private JsonNode run(long runId) {
        try {
            HttpResponse<String> response = get("/api/v1/runs/" + runId);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Instant> stepTimes(long runId) throws IOException {
        Path log = runs.directory(runs.get(runId)).trainingLog();
        return Files.readAllLines(log).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(line -> line.path("type").asText().equals("train"))
                .map(line -> Instant.parse(line.get("time").asText())).sorted().toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
