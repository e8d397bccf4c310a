package dev.bertlab.run;

import dev.bertlab.config.JsonColumns;
import dev.bertlab.engine.train.Hyperparameters;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One execution of an experiment, with the hyperparameters it actually used (a sweep's child differs from its
 * experiment), its state, progress and final metrics. Its files live in its run directory.
 */
@Entity
@Table(name = "run")
@DynamicUpdate // only changed columns: a state change never overwrites a cancel request written meanwhile
public class TrainingRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "experiment_id", nullable = false)
    private Long experimentId;

    @Column(name = "sweep_id")
    private Long sweepId;

    @Lob
    @Column(nullable = false)
    @Convert(converter = JsonColumns.HyperparametersColumn.class)
    private Hyperparameters hyperparameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunStatus status = RunStatus.QUEUED;

    @Lob
    private String reason;

    /** The device asked for (auto, cpu, cuda, cuda:N) while queued; the device it trains on once started. */
    @Column(length = 32)
    private String device;

    /** The device slot held while RUNNING ("cpu-1", "cuda:0"); null otherwise. Unique in the table. */
    @Column(length = 32)
    private String slot;

    @Column(name = "scheduled_for")
    private Instant scheduledFor;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false)
    private int step;

    @Column(name = "total_steps", nullable = false)
    private int totalSteps;

    @Column(nullable = false)
    private int epoch;

    @Column(nullable = false)
    private int epochs;

    @Column(name = "eta_seconds")
    private Double etaSeconds;

    @Column(name = "run_directory", length = 500)
    private String runDirectory;

    @Column(name = "dataset_fingerprint", length = 64)
    private String datasetFingerprint;

    @Lob
    @Column(name = "validation_metrics")
    @Convert(converter = JsonColumns.MetricsColumn.class)
    private Map<String, Double> validationMetrics = new LinkedHashMap<>();

    @Lob
    @Column(name = "test_metrics")
    @Convert(converter = JsonColumns.MetricsColumn.class)
    private Map<String, Double> testMetrics = new LinkedHashMap<>();

    @Column(nullable = false)
    private int attempts;

    /** The node that claimed the run and whose worker process trains (or last trained) it. */
    @Column(name = "worker_node", length = 255)
    private String workerNode;

    /** The process id of that worker on its node. */
    @Column(name = "worker_pid")
    private Long workerPid;

    /**
     * Until when the claiming node holds the run: it renews the lease while the run trains; once it has expired,
     * another node may take the run back into the queue.
     */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** How often the node training the run died under it (counted by the recovery). */
    @Column(name = "node_losses", nullable = false)
    private int nodeLosses;

    /** One line per node lost: when, which node, at which step. */
    @Column(name = "node_loss_history", length = 4000)
    private String nodeLossHistory;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    public double progress() {
        return totalSteps == 0 ? (status == RunStatus.SUCCEEDED ? 1.0 : 0.0) : (double) step / totalSteps;
    }

    public Long getId() { return id; }
    public Long getExperimentId() { return experimentId; }
    public void setExperimentId(Long experimentId) { this.experimentId = experimentId; }
    public Long getSweepId() { return sweepId; }
    public void setSweepId(Long sweepId) { this.sweepId = sweepId; }
    public Hyperparameters getHyperparameters() { return hyperparameters; }
    public void setHyperparameters(Hyperparameters hyperparameters) { this.hyperparameters = hyperparameters; }
    public RunStatus getStatus() { return status; }
    public void setStatus(RunStatus status) { this.status = status; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getDevice() { return device; }
    public void setDevice(String device) { this.device = device; }
    public String getSlot() { return slot; }
    public void setSlot(String slot) { this.slot = slot; }
    public Instant getScheduledFor() { return scheduledFor; }
    public void setScheduledFor(Instant scheduledFor) { this.scheduledFor = scheduledFor; }
    public Instant getQueuedAt() { return queuedAt; }
    public void setQueuedAt(Instant queuedAt) { this.queuedAt = queuedAt; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public int getStep() { return step; }
    public void setStep(int step) { this.step = step; }
    public int getTotalSteps() { return totalSteps; }
    public void setTotalSteps(int totalSteps) { this.totalSteps = totalSteps; }
    public int getEpoch() { return epoch; }
    public void setEpoch(int epoch) { this.epoch = epoch; }
    public int getEpochs() { return epochs; }
    public void setEpochs(int epochs) { this.epochs = epochs; }
    public Double getEtaSeconds() { return etaSeconds; }
    public void setEtaSeconds(Double etaSeconds) { this.etaSeconds = etaSeconds; }
    public String getRunDirectory() { return runDirectory; }
    public void setRunDirectory(String runDirectory) { this.runDirectory = runDirectory; }
    public String getDatasetFingerprint() { return datasetFingerprint; }
    public void setDatasetFingerprint(String datasetFingerprint) { this.datasetFingerprint = datasetFingerprint; }
    public Map<String, Double> getValidationMetrics() { return validationMetrics; }
    public void setValidationMetrics(Map<String, Double> validationMetrics) { this.validationMetrics = validationMetrics; }
    public Map<String, Double> getTestMetrics() { return testMetrics; }
    public void setTestMetrics(Map<String, Double> testMetrics) { this.testMetrics = testMetrics; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public boolean isCancelRequested() { return cancelRequested; }
    public void setCancelRequested(boolean cancelRequested) { this.cancelRequested = cancelRequested; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }

    public String getWorkerNode() {
        return workerNode;
    }

    public void setWorkerNode(String workerNode) {
        this.workerNode = workerNode;
    }

    public Long getWorkerPid() {
        return workerPid;
    }

    public void setWorkerPid(Long workerPid) {
        this.workerPid = workerPid;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Instant leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public int getNodeLosses() {
        return nodeLosses;
    }

    public void setNodeLosses(int nodeLosses) {
        this.nodeLosses = nodeLosses;
    }

    public String getNodeLossHistory() {
        return nodeLossHistory;
    }

    public void setNodeLossHistory(String nodeLossHistory) {
        this.nodeLossHistory = nodeLossHistory;
    }
}
