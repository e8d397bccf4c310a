package dev.bertlab.experiment;

import dev.bertlab.run.RunService;
import dev.bertlab.run.TrainingRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Experiments together with their runs, for the list and the detail page. Apart from {@link ExperimentService} so
 * that the run service, which needs experiments, and this, which needs runs, do not depend on each other.
 */
@Service
public class ExperimentOverviews {

    private final ExperimentService experiments;
    private final RunService runs;

    public ExperimentOverviews(ExperimentService experiments, RunService runs) {
        this.experiments = experiments;
        this.runs = runs;
    }

    /** The experiments the filter lets through, most recently updated first. */
    public List<ExperimentOverview> list(ExperimentFilter filter) {
        Map<Long, List<TrainingRun>> runsByExperiment = runs.all().stream()
                .collect(Collectors.groupingBy(TrainingRun::getExperimentId));
        return experiments.all().stream()
                .map(experiment -> new ExperimentOverview(experiment,
                        runsByExperiment.getOrDefault(experiment.getId(), List.of())))
                .filter(filter::matches)
                .toList();
    }

    public ExperimentOverview of(long experimentId) {
        return new ExperimentOverview(experiments.get(experimentId), runs.forExperiment(experimentId));
    }

    public Optional<TrainingRun> latestSucceededRun(long experimentId) {
        return of(experimentId).latestSucceededRun();
    }

    /** Every tag in use, sorted, for the tag filter. */
    public List<String> tags() {
        return experiments.all().stream().flatMap(e -> e.tagList().stream())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))).stream()
                .toList();
    }
}
