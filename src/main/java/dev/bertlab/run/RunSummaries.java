package dev.bertlab.run;

import dev.bertlab.experiment.ExperimentRuns;
import dev.bertlab.experiment.RunOutcome;
import dev.bertlab.experiment.RunSummary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The experiment pages' view of runs: read from and queued through the {@link RunService}. */
@Service
class RunSummaries implements ExperimentRuns {

    private final RunService runs;

    RunSummaries(RunService runs) {
        this.runs = runs;
    }

    @Override
    public Map<Long, List<RunSummary>> byExperiment() {
        return runs.all().stream().collect(Collectors.groupingBy(TrainingRun::getExperimentId,
                Collectors.mapping(RunSummaries::summary, Collectors.toList())));
    }

    @Override
    public List<RunSummary> of(long experimentId) {
        return runs.forExperiment(experimentId).stream().map(RunSummaries::summary).toList();
    }

    @Override
    public List<String> statuses() {
        return Arrays.stream(RunStatus.values()).map(RunStatus::name).toList();
    }

    @Override
    public long runNow(long experimentId, String user) {
        return runs.runNow(experimentId, user).getId();
    }

    static RunSummary summary(TrainingRun run) {
        Map<String, Double> metrics = run.getTestMetrics();
        return new RunSummary(run.getId(), run.getStatus().name(), outcome(run.getStatus()), run.getQueuedAt(),
                run.getFinishedAt(), metrics == null ? null : metrics.get("accuracy"), run.getReason());
    }

    static RunOutcome outcome(RunStatus status) {
        // no default: a new state does not compile until it is given its meaning here
        return switch (status) {
            case QUEUED, RUNNING -> RunOutcome.LIVE;
            case SUCCEEDED -> RunOutcome.SUCCEEDED;
            case FAILED, DIVERGED -> RunOutcome.FAILED;
            case CANCELLED -> RunOutcome.CANCELLED;
        };
    }
}
