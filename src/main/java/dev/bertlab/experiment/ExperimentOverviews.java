package dev.bertlab.experiment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Experiments together with their runs, for the list and the detail page. Apart from {@link ExperimentService} so
 * that the run feature, which needs experiments, and this, which needs runs ({@link ExperimentRuns}), do not depend
 * on each other.
 */
@Service
public class ExperimentOverviews {

    private final ExperimentService experiments;
    private final ExperimentRuns runs;

    public ExperimentOverviews(ExperimentService experiments, ExperimentRuns runs) {
        this.experiments = experiments;
        this.runs = runs;
    }

    /** The experiments the filter lets through, most recently updated first. */
    public List<ExperimentOverview> list(ExperimentFilter filter) {
        Map<Long, List<RunSummary>> runsByExperiment = runs.byExperiment();
        return experiments.all().stream()
                .map(experiment -> new ExperimentOverview(experiment,
                        runsByExperiment.getOrDefault(experiment.getId(), List.of())))
                .filter(filter::matches)
                .toList();
    }

    public ExperimentOverview of(long experimentId) {
        return new ExperimentOverview(experiments.get(experimentId), runs.of(experimentId));
    }

    public Optional<RunSummary> latestSucceededRun(long experimentId) {
        return of(experimentId).latestSucceededRun();
    }

    /** Every tag in use, sorted, for the tag filter. */
    public List<String> tags() {
        return experiments.all().stream().flatMap(e -> e.tagList().stream())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))).stream()
                .toList();
    }
}
