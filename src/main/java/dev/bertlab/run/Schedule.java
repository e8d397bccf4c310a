package dev.bertlab.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A standing order to run an experiment on a cron schedule (nightly, say). Quartz holds the matching cron trigger
 * in the same database, so both survive a restart.
 */
@Entity
@Table(name = "schedule")
public class Schedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "experiment_id", nullable = false)
    private Long experimentId;

    @Column(name = "sweep_id")
    private Long sweepId;

    /** Quartz cron expression (seconds first). */
    @Column(length = 120)
    private String cron;

    @Column(name = "run_at")
    private Instant runAt;

    @Column(nullable = false, length = 200)
    private String description;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public Long getId() { return id; }
    public Long getExperimentId() { return experimentId; }
    public void setExperimentId(Long experimentId) { this.experimentId = experimentId; }
    public Long getSweepId() { return sweepId; }
    public void setSweepId(Long sweepId) { this.sweepId = sweepId; }
    public String getCron() { return cron; }
    public void setCron(String cron) { this.cron = cron; }
    public Instant getRunAt() { return runAt; }
    public void setRunAt(Instant runAt) { this.runAt = runAt; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
