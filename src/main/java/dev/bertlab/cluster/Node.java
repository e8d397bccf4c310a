package dev.bertlab.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One node sharing the database: where it runs, its device slots, and when it last said it was alive. */
@Entity
@Table(name = "node")
public class Node {

    @Id
    @Column(length = 255)
    private String name;

    @Column(nullable = false, length = 255)
    private String host;

    @Column(nullable = false)
    private long pid;

    /** Its device slots, comma-separated ("cpu-1,cuda:0"). */
    @Column(nullable = false, length = 2000)
    private String slots;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    /** When it stopped cleanly; null while it runs, or when it died without saying so. */
    @Column(name = "stopped_at")
    private Instant stoppedAt;

    protected Node() {
    }

    Node(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getHost() {
        return host;
    }

    void setHost(String host) {
        this.host = host;
    }

    public long getPid() {
        return pid;
    }

    void setPid(long pid) {
        this.pid = pid;
    }

    public String getSlots() {
        return slots;
    }

    void setSlots(String slots) {
        this.slots = slots;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    void setHeartbeatAt(Instant heartbeatAt) {
        this.heartbeatAt = heartbeatAt;
    }

    public Instant getStoppedAt() {
        return stoppedAt;
    }

    void setStoppedAt(Instant stoppedAt) {
        this.stoppedAt = stoppedAt;
    }
}
