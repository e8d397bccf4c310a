package dev.bertlab.cluster;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.run.DeviceSlots;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * This node in the database: it announces itself and its device slots once ready, says it is alive every
 * {@code bertlab.cluster.heartbeat} (10 s), and that it stopped when it stops cleanly.
 */
@Component
public class NodeHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final NodeRepository nodes;
    private final DeviceSlots slots;
    private final BertLabProperties properties;
    private volatile boolean announced;

    public NodeHeartbeat(NodeRepository nodes, DeviceSlots slots, BertLabProperties properties) {
        this.nodes = nodes;
        this.slots = slots;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void announce() {
        Node node = nodes.findById(properties.nodeName()).orElseGet(() -> new Node(properties.nodeName()));
        Instant now = Instant.now();
        node.setHost(BertLabProperties.hostName());
        node.setPid(ProcessHandle.current().pid());
        node.setSlots(String.join(",", slots.all()));
        node.setStartedAt(now);
        node.setHeartbeatAt(now);
        node.setStoppedAt(null);
        nodes.save(node);
        announced = true;
        LOG.info("node {} announced with slots {}", node.getName(), node.getSlots());
    }

    @Scheduled(fixedDelayString = "${bertlab.cluster.heartbeat:10s}", initialDelayString = "${bertlab.cluster.heartbeat:10s}")
    @Transactional
    public void beat() {
        if (announced) {
            nodes.findById(properties.nodeName()).ifPresent(node -> node.setHeartbeatAt(Instant.now()));
        }
    }

    @EventListener(ContextClosedEvent.class)
    @Transactional
    public void stopped() {
        if (announced) {
            announced = false;
            nodes.findById(properties.nodeName()).ifPresent(node -> node.setStoppedAt(Instant.now()));
        }
    }
}
