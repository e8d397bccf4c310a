package dev.bertlab.run.api;

import dev.bertlab.run.TrainingRun;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** A run as the API shows it: where it stands and, once finished, its metrics. */
@Schema(description = "A run of an experiment")
public record RunDescription(
        long id, long experimentId, Long sweepId,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED or DIVERGED") String status,
        @Schema(description = "Why it failed, diverged or was cancelled") String reason,
        Instant scheduledFor, Instant queuedAt, Instant startedAt, Instant finishedAt,
        int step, int totalSteps, int epoch, int epochs,
        @Schema(description = "Seconds left, while it runs") Double etaSeconds,
        Map<String, Double> validationMetrics, Map<String, Double> testMetrics,
        @Schema(description = "The node whose worker process trains (or last trained) the run") String workerNode,
        @Schema(description = "That worker process's id on its node") Long workerPid) {

    static RunDescription of(TrainingRun run) {
        return new RunDescription(run.getId(), run.getExperimentId(), run.getSweepId(), run.getStatus().name(),
                run.getReason(), run.getScheduledFor(), run.getQueuedAt(), run.getStartedAt(), run.getFinishedAt(),
                run.getStep(), run.getTotalSteps(), run.getEpoch(), run.getEpochs(), run.getEtaSeconds(),
                run.getValidationMetrics(), run.getTestMetrics(), run.getWorkerNode(), run.getWorkerPid());
    }
}
