package dev.bertlab.report;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.run.TrainingRun;
import java.util.List;
import java.util.Optional;

/**
 * One experiment of a family with the run the report takes for it.
 *
 * @param experiment the experiment
 * @param depth 0 for the family's first experiment, 1 for its children, and so on
 * @param run its newest run that succeeded, or null when it has none
 * @param diagnoses what the debugging assistant found in that run (or, without one, in its newest finished run)
 * @param trainingLoss training loss over the steps of {@code run}, as (step, value) pairs
 * @param validationLoss validation loss over the steps of {@code run}, as (step, value) pairs
 */
public record ReportedExperiment(Experiment experiment, int depth, TrainingRun run, List<Diagnosis> diagnoses,
        List<double[]> trainingLoss, List<double[]> validationLoss) {

    public ReportedExperiment {
        diagnoses = List.copyOf(diagnoses);
        trainingLoss = List.copyOf(trainingLoss);
        validationLoss = List.copyOf(validationLoss);
    }

    public String name() {
        return experiment.getName();
    }

    public boolean hasResults() {
        return run != null;
    }

    /** A test metric of the reported run, when it has one. */
    public Optional<Double> testMetric(String metric) {
        if (run == null || run.getTestMetrics() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(run.getTestMetrics().get(metric)).filter(Double::isFinite);
    }

    /** How the report names the run: {@code #12 imdb minilm}. */
    public String runLabel() {
        return run == null ? name() : "#" + run.getId() + " " + name();
    }
}
