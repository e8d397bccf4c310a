package dev.bertlab.operations;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.support.DashboardTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a node shows the machines that watch it, asked over HTTP without a login as a probe or Prometheus asks:
 * liveness, readiness with the database and the scheduler, the run queue's metrics, and nothing else of Actuator.
 */
@Tag("spring")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Spring's tests leave metrics exporters off unless asked
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OperationsEndpointsTest {

    private static final Path DATA = DashboardTest.newDataDirectory("operations");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.node-name", () -> "watched-node");
    }

    @LocalServerPort
    int port;

    @Autowired
    Scheduler scheduler;

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anIdleNodeGivesItsUnusedHeapBack() {
        com.sun.management.HotSpotDiagnosticMXBean hotspot = java.lang.management.ManagementFactory
                .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        assertThat(hotspot.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("60000");
        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
    }

    @Test
    void livenessAndReadinessAreUpWithTheDatabaseAndTheSchedulerInReadiness() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode components = JSON.readTree(readiness.body()).get("components");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        assertThat(components.at("/scheduler/status").asText()).isEqualTo("UP");
        assertThat(readiness.body()).as("states only, no details").doesNotContain("details").doesNotContain("H2");
    }

    @Test
    void aNodeWhoseSchedulerStandsStillIsNotReadyButAlive() throws Exception {
        scheduler.standby();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).at("/components/scheduler/status").asText()).isEqualTo("DOWN");
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            scheduler.start();
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusSeesTheQueueTheSlotsTheThroughputAndTheClassifyLatency() throws Exception {
        long before = queueLength();
        // a run queued for tomorrow counts in the queue and takes no slot
        long experiment = TinyRuns.experiment(experiments, "tomorrow", 32, hp -> hp).getId();
        asEditor(() -> runs.runAt(experiment, Instant.now().plus(1, ChronoUnit.DAYS), "tester"));
        TinyRuns.await("the queue metric to count the new run", Duration.ofSeconds(10), () -> queueLength() > before);

        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("bertlab_runs{node=\"watched-node\",state=\"QUEUED\"}")
                .contains("bertlab_slots{node=\"watched-node\"} 1.0")
                .contains("bertlab_slots_busy{node=\"watched-node\"}")
                .contains("bertlab_training_throughput_samples_per_second_count{node=\"watched-node\"}")
                .contains("bertlab_classify_seconds_bucket{node=\"watched-node\",le=");
        assertThat(metrics).as("no secrets").doesNotContain("admin-password");
    }

    @Test
    void nothingElseOfActuatorIsOpen() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/metrics", "/actuator/loggers"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + " " + response.headers().map()).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("admin-password");
        }
    }

    private long queueLength() {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String metrics = response.body();
        return metrics.lines().filter(line -> line.startsWith("bertlab_queue_length{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no bertlab_queue_length in " + metrics));
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
