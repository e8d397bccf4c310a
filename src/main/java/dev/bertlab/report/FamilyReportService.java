package dev.bertlab.report;

import dev.bertlab.compare.ComparisonService;
import dev.bertlab.compare.DifferenceService;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.Lineage;
import dev.bertlab.run.RunArtifacts;
import dev.bertlab.run.RunService;
import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Gathers the report of an experiment's whole family, from its first ancestor down: each experiment's newest
 * successful run with its curves and diagnoses, each refinement's changes and their effect, the final evaluation
 * table and the generated summary.
 */
@Service
public class FamilyReportService {

    private final ExperimentService experiments;
    private final RunService runs;
    private final RunArtifacts artifacts;
    private final ComparisonService comparisons;
    private final DifferenceService differences;

    public FamilyReportService(ExperimentService experiments, RunService runs, RunArtifacts artifacts,
            ComparisonService comparisons, DifferenceService differences) {
        this.experiments = experiments;
        this.runs = runs;
        this.artifacts = artifacts;
        this.comparisons = comparisons;
        this.differences = differences;
    }

    /**
     * The report of the family {@code experimentId} belongs to (whichever member is asked for, the report starts at
     * the root).
     *
     * @throws dev.bertlab.experiment.ExperimentNotFoundException when there is no such experiment
     */
    public FamilyReport build(long experimentId) {
        Lineage family = experiments.family(experimentId);
        Gathering gathering = new Gathering();
        walk(family, 0, null, gathering);
        List<ReportedExperiment> reported = gathering.experiments;
        return new FamilyReport(family.experiment().getName(), Instant.now(), reported,
                reported.get(0).diagnoses(), gathering.steps, gathering.rows,
                ChangeSummary.sentences(reported, gathering.steps), gathering.problems);
    }

    /** What the walk over the tree collects, in tree order. */
    private static final class Gathering {
        final List<ReportedExperiment> experiments = new ArrayList<>();
        final List<DebuggingStep> steps = new ArrayList<>();
        final List<EvaluationRow> rows = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
    }

    private void walk(Lineage node, int depth, ReportedExperiment parent, Gathering gathering) {
        Experiment experiment = node.experiment();
        List<TrainingRun> all = runs.forExperiment(experiment.getId());
        TrainingRun succeeded = all.stream().filter(run -> run.getStatus() == RunStatus.SUCCEEDED).findFirst()
                .orElse(null);
        // without a success, the newest finished run still says what went wrong (a diverged first try, say)
        TrainingRun diagnosed = succeeded != null ? succeeded
                : all.stream().filter(run -> run.getStatus().isFinal()).findFirst().orElse(null);
        List<Diagnosis> diagnoses = diagnosed == null ? List.of() : diagnoses(diagnosed, gathering.problems);
        TrainingLogReader.Log log = succeeded == null ? emptyLog() : log(succeeded, gathering.problems);
        ReportedExperiment reported = new ReportedExperiment(experiment, depth, succeeded, diagnoses,
                log.trainCurve("loss"), log.evalCurve("loss"));
        gathering.experiments.add(reported);
        gathering.rows.add(row(reported, log));
        if (parent != null) {
            gathering.steps.add(step(parent, reported));
        }
        node.children().forEach(child -> walk(child, depth + 1, reported, gathering));
    }

    private DebuggingStep step(ReportedExperiment parent, ReportedExperiment child) {
        List<SettingChange> changes = SettingChanges.between(parent.experiment(), child.experiment());
        List<Diagnosis> motivatedBy = motivatedBy(parent.diagnoses(), changes, child.experiment().getChangeNote());
        if (!parent.hasResults() || !child.hasResults()) {
            String missing = !parent.hasResults() ? parent.name() : child.name();
            return new DebuggingStep(parent, child, changes, motivatedBy, null,
                    missing + " has no successful run yet");
        }
        DifferenceService.Against against = differences.againstFirst(comparisons.compare(List.of(
                parent.run().getId(), child.run().getId()))).get(0);
        return new DebuggingStep(parent, child, changes, motivatedBy, against.difference(),
                against.problem() == null ? null : against.problem().replaceFirst("\\.$", ""));
    }

    /**
     * The parent's diagnoses the change answers: those whose remedy sets a setting the child changed, or whose kind
     * its change note names (an "Apply fix" note always does).
     */
    static List<Diagnosis> motivatedBy(List<Diagnosis> parentDiagnoses, List<SettingChange> changes,
            String changeNote) {
        Set<String> changed = changes.stream().map(SettingChange::key).collect(Collectors.toSet());
        String note = changeNote == null ? "" : changeNote.toLowerCase(Locale.ROOT);
        return parentDiagnoses.stream().filter(d -> d.remedy().changes().keySet().stream().anyMatch(changed::contains)
                || note.contains(d.kind().label())).toList();
    }

    private static EvaluationRow row(ReportedExperiment reported, TrainingLogReader.Log log) {
        Experiment experiment = reported.experiment();
        TrainingRun run = reported.run();
        if (run == null) {
            return new EvaluationRow(experiment.getName(), experiment.getStage(), null, null, null, null, null, null,
                    null);
        }
        Double f1 = reported.testMetric("f1").or(() -> reported.testMetric("f1_macro")).orElse(null);
        return new EvaluationRow(experiment.getName(), experiment.getStage(), run.getId(),
                reported.testMetric("accuracy").orElse(null), f1, reported.testMetric("log_loss").orElse(null),
                reported.testMetric("ece").orElse(null), steps(run, log), trainTime(run, log).orElse(null));
    }

    private static Integer steps(TrainingRun run, TrainingLogReader.Log log) {
        if (run.getStep() > 0) {
            return run.getStep();
        }
        List<double[]> loss = log.trainCurve("loss");
        return loss.isEmpty() ? null : (int) loss.get(loss.size() - 1)[0];
    }

    /** Start to finish as the database recorded it; else the time the training log last reported. */
    private static Optional<Duration> trainTime(TrainingRun run, TrainingLogReader.Log log) {
        if (run.getStartedAt() != null && run.getFinishedAt() != null) {
            return Optional.of(Duration.between(run.getStartedAt(), run.getFinishedAt()));
        }
        List<double[]> elapsed = log.trainCurve("elapsed_seconds");
        return elapsed.isEmpty() ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round(1000 * elapsed.get(elapsed.size() - 1)[1])));
    }

    private List<Diagnosis> diagnoses(TrainingRun run, List<String> problems) {
        try {
            return artifacts.diagnoses(run);
        } catch (UncheckedIOException e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    private TrainingLogReader.Log log(TrainingRun run, List<String> problems) {
        if (run.getRunDirectory() == null) {
            return emptyLog();
        }
        try {
            return artifacts.trainingLog(run);
        } catch (UncheckedIOException e) {
            problems.add(e.getMessage());
            return emptyLog();
        }
    }

    private static TrainingLogReader.Log emptyLog() {
        return new TrainingLogReader.Log(List.of(), List.of(), List.of());
    }
}
