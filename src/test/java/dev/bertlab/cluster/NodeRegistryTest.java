package dev.bertlab.cluster;

import static dev.bertlab.support.Acting.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TinyRuns;
import dev.bertlab.support.DashboardTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node announces itself and its slots in the database, keeps its heartbeat, shows which run each slot trains,
 * and a node that stopped beating is shown as lost.
 */
@Tag("spring")
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NodeRegistryTest {

    private static final Path DATA = DashboardTest.newDataDirectory("node-registry");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardTest.register(registry, DATA);
        registry.add("bertlab.node-name", () -> "node-a");
        registry.add("bertlab.cpu-slots", () -> "2");
        registry.add("bertlab.threads", () -> "1");
        registry.add("bertlab.cluster.heartbeat", () -> "1s");
        TinyRuns.shareMiniLm(DATA);
    }

    @Autowired
    ClusterService cluster;

    @Autowired
    NodeRepository nodes;

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    private NodeStatus self() {
        return cluster.nodes().stream().filter(node -> node.name().equals("node-a")).findFirst().orElseThrow();
    }

    @Test
    void theNodeAnnouncesItsSlotsAndKeepsItsHeartbeat() {
        NodeStatus node = self();
        assertThat(node.state()).isEqualTo(NodeStatus.State.UP);
        assertThat(node.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(node.slots()).extracting(NodeStatus.Slot::name).containsExactly("cpu-1", "cpu-2");
        Instant first = node.heartbeatAt();
        TinyRuns.await("a newer heartbeat", Duration.ofSeconds(10), () -> self().heartbeatAt().isAfter(first));
    }

    @Test
    void aSlotShowsTheRunItTrains() {
        long experiment = TinyRuns.experiment(experiments, "shown-in-its-slot", 640, hp -> hp
                .evalStrategy(Hyperparameters.EvalStrategy.NO)).getId();
        long runId = asEditor(() -> runs.runNow(experiment, "tester")).getId();
        TinyRuns.await("the run to train in a worker", Duration.ofSeconds(120),
                () -> runs.get(runId).getStatus() == RunStatus.RUNNING && runs.get(runId).getWorkerPid() != null);

        assertThat(self().slots()).extracting(NodeStatus.Slot::runId).contains(runId);
        asEditor(() -> runs.cancel(runId, "tester"));
        TinyRuns.await("the run to stop", Duration.ofSeconds(120), () -> runs.get(runId).getStatus().isFinal());
        assertThat(self().slots()).extracting(NodeStatus.Slot::runId).containsOnlyNulls();
    }

    @Test
    void aNodeWhoseHeartbeatStoppedIsLost() {
        Node gone = new Node("node-gone");
        gone.setHost("elsewhere");
        gone.setPid(4242);
        gone.setSlots("cuda:0");
        gone.setStartedAt(Instant.now().minus(1, ChronoUnit.HOURS));
        gone.setHeartbeatAt(Instant.now().minus(5, ChronoUnit.MINUTES));
        nodes.save(gone);

        NodeStatus lost = cluster.nodes().stream().filter(node -> node.name().equals("node-gone")).findFirst()
                .orElseThrow();
        assertThat(lost.state()).isEqualTo(NodeStatus.State.LOST);
        assertThat(lost.slots()).extracting(NodeStatus.Slot::name).containsExactly("cuda:0");
    }
}
