package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts of the run queue for monitoring, read at most once a second however often they are asked for (a scrape
 * asks for each state in turn). Runs by state and the queue are the cluster's; slots are this node's.
 */
@Component
public class RunQueueFigures {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final TrainingRunRepository runs;
    private final DeviceSlots slots;
    private final String node;
    private Map<RunStatus, Long> byStatus = new EnumMap<>(RunStatus.class);
    private long busySlots;
    private long readAt;

    public RunQueueFigures(TrainingRunRepository runs, DeviceSlots slots, BertLabProperties properties) {
        this.runs = runs;
        this.slots = slots;
        this.node = properties.nodeName();
    }

    public synchronized long runs(RunStatus status) {
        refresh();
        return byStatus.getOrDefault(status, 0L);
    }

    public synchronized long busySlots() {
        refresh();
        return busySlots;
    }

    public int totalSlots() {
        return slots.all().size();
    }

    private void refresh() {
        long now = System.nanoTime();
        if (readAt != 0 && now - readAt < FRESH_NANOS) {
            return;
        }
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        for (Object[] row : runs.countByStatus()) {
            counts.put((RunStatus) row[0], (Long) row[1]);
        }
        byStatus = counts;
        busySlots = runs.findHeldSlots(node).size();
        readAt = now;
    }
}
