package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stagnation: the validation metric the run selects its best model by stays flat, within a tolerance, over
 * several evaluations in a row.
 */
public final class StagnationRule implements CurveRule {

    /** Evaluations in a row that must stay within the tolerance. */
    public static final int FLAT_EVALUATIONS = 4;
    /** Flat means max - min at most this share of the metric's size... */
    public static final double RELATIVE_TOLERANCE = 0.005;
    /** ...or at most this much, for metrics near 0. */
    public static final double ABSOLUTE_TOLERANCE = 0.002;
    /** A stuck run (flat from its first evaluation) gets this much more learning rate. */
    public static final double STUCK_RATE_FACTOR = 3.0;
    /** A run that levelled off gets this much less, with a decaying schedule, to settle into a better minimum. */
    public static final double PLATEAU_RATE_FACTOR = 0.5;

    private final int flatEvaluations;
    private final double relativeTolerance;
    private final double absoluteTolerance;

    public StagnationRule() {
        this(FLAT_EVALUATIONS, RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
    }

    public StagnationRule(int flatEvaluations, double relativeTolerance, double absoluteTolerance) {
        if (flatEvaluations < 2) {
            throw new IllegalArgumentException("flatEvaluations must be at least 2, got " + flatEvaluations);
        }
        this.flatEvaluations = flatEvaluations;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.STAGNATION;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        String metric = facts.hyperparameters().metricForBestModel();
        List<TrainingEvents.Evaluated> evaluations = history.evaluations().stream()
                .filter(e -> e.metrics().containsKey(metric)).toList();
        for (int last = flatEvaluations - 1; last < evaluations.size(); last++) {
            int first = last - flatEvaluations + 1;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = first; i <= last; i++) {
                double value = evaluations.get(i).metrics().get(metric);
                min = Math.min(min, value);
                max = Math.max(max, value);
                sum += value;
            }
            double mean = sum / flatEvaluations;
            double tolerance = Math.max(absoluteTolerance, relativeTolerance * Math.abs(mean));
            if (max - min <= tolerance) {
                return Optional.of(diagnosis(evaluations, first, last, metric, min, max, tolerance, facts));
            }
        }
        return Optional.empty();
    }

    private Diagnosis diagnosis(List<TrainingEvents.Evaluated> evaluations, int first, int last, String metric,
            double min, double max, double tolerance, RunFacts facts) {
        int fromStep = evaluations.get(first).step();
        int toStep = evaluations.get(last).step();
        boolean stuckFromTheStart = first == 0;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("min", min);
        values.put("max", max);
        values.put("tolerance", tolerance);
        values.put("evaluations", (double) flatEvaluations);
        values.put("from_step", (double) fromStep);
        values.put("to_step", (double) toStep);
        String sentence = "validation " + metric + " stayed within " + Figures.number(min) + " to "
                + Figures.number(max) + " over " + flatEvaluations + " evaluations (steps " + fromStep + " to "
                + toStep + ")" + (stuckFromTheStart ? ", from the first evaluation on" : "");
        return Diagnosis.atStep(kind(), Severity.WARNING, toStep,
                stuckFromTheStart ? "Stagnation: the validation metric has not moved" :
                        "Stagnation: the validation metric has levelled off",
                new Evidence(sentence, values), remedy(facts.hyperparameters(), stuckFromTheStart));
    }

    private static Remedy remedy(Hyperparameters hp, boolean stuckFromTheStart) {
        Remedy.Builder remedy = Remedy.from(hp);
        if (stuckFromTheStart) {
            remedy.set("learning_rate", Math.min(1.0, hp.learningRate() * STUCK_RATE_FACTOR));
            if (hp.scheduler() == Hyperparameters.Scheduler.CONSTANT) {
                remedy.set("scheduler", Hyperparameters.Scheduler.LINEAR);
            }
            return remedy.build("the model is not learning: raise the learning rate, with a warm-up and a "
                    + "decaying schedule; check that the labels match the texts");
        }
        remedy.set("learning_rate", hp.learningRate() * PLATEAU_RATE_FACTOR);
        if (hp.scheduler() == Hyperparameters.Scheduler.CONSTANT) {
            remedy.set("scheduler", Hyperparameters.Scheduler.COSINE);
        }
        if (hp.earlyStoppingPatience() == 0 && hp.evalStrategy() != Hyperparameters.EvalStrategy.NO) {
            remedy.set("early_stopping_patience", FLAT_EVALUATIONS - 1);
        }
        return remedy.build("learning has levelled off: a smaller, decaying learning rate may settle lower, and "
                + "early stopping saves the steps that no longer help");
    }
}
