package dev.bertlab.cluster;

import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import dev.bertlab.run.TrainingRunRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The nodes sharing the database, with what each of their slots trains. */
@Service
public class ClusterService {

    private final NodeRepository nodes;
    private final TrainingRunRepository runs;
    private final Duration heartbeat;

    public ClusterService(NodeRepository nodes, TrainingRunRepository runs,
            @Value("${bertlab.cluster.heartbeat:10s}") Duration heartbeat) {
        this.nodes = nodes;
        this.runs = runs;
        this.heartbeat = heartbeat;
    }

    @Transactional(readOnly = true)
    public List<NodeStatus> nodes() {
        List<TrainingRun> running = runs.findByStatusIn(List.of(RunStatus.RUNNING));
        Instant now = Instant.now();
        List<NodeStatus> result = new ArrayList<>();
        for (Node node : nodes.findAllByOrderByNameAsc()) {
            Map<String, Long> bySlot = running.stream()
                    .filter(run -> node.getName().equals(run.getWorkerNode()) && run.getSlot() != null)
                    .collect(Collectors.toMap(TrainingRun::getSlot, TrainingRun::getId, (a, b) -> a));
            List<NodeStatus.Slot> slots = Arrays.stream(node.getSlots().split(",")).filter(s -> !s.isBlank())
                    .map(slot -> new NodeStatus.Slot(slot, bySlot.get(slot))).toList();
            result.add(new NodeStatus(node.getName(), node.getHost(), node.getPid(), slots, node.getStartedAt(),
                    node.getHeartbeatAt(), state(node, now)));
        }
        return result;
    }

    private NodeStatus.State state(Node node, Instant now) {
        if (node.getStoppedAt() != null) {
            return NodeStatus.State.STOPPED;
        }
        boolean recent = Duration.between(node.getHeartbeatAt(), now).compareTo(heartbeat.multipliedBy(3)) <= 0;
        return recent ? NodeStatus.State.UP : NodeStatus.State.LOST;
    }
}
