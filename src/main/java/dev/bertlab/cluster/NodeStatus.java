package dev.bertlab.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A node as the Workers page shows it.
 *
 * @param slots each device slot and the run it trains (null: free)
 * @param state UP (its heartbeat is recent), LOST (no heartbeat for three intervals: it died or lost the
 *     database) or STOPPED (it stopped cleanly)
 */
public record NodeStatus(String name, String host, long pid, List<Slot> slots, Instant startedAt,
        Instant heartbeatAt, State state) {

    public enum State { UP, LOST, STOPPED }

    public record Slot(String name, Long runId) {
    }
}
