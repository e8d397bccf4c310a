package dev.bertlab.sweep;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A batch of runs of one experiment over a search space; its runs carry its id. */
@Entity
@Table(name = "sweep")
public class Sweep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "experiment_id", nullable = false)
    private Long experimentId;

    @Column(nullable = false, length = 16)
    private String strategy;

    /** The search space as JSON: {"learning_rate": [2e-5, 5e-5], ...}. */
    @Lob
    @Column(nullable = false)
    private String space;

    @Column(nullable = false)
    private int budget;

    @Column(nullable = false, length = 32)
    private String metric;

    @Column(nullable = false)
    private long seed;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Sweep() {
    }

    Sweep(String name, Long experimentId, String strategy, String space, int budget, String metric, long seed,
            String createdBy) {
        this.name = name;
        this.experimentId = experimentId;
        this.strategy = strategy;
        this.space = space;
        this.budget = budget;
        this.metric = metric;
        this.seed = seed;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Long getExperimentId() { return experimentId; }
    public String getStrategy() { return strategy; }
    public String getSpace() { return space; }
    public int getBudget() { return budget; }
    public String getMetric() { return metric; }
    public long getSeed() { return seed; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
