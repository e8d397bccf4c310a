package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.train.Hyperparameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Class imbalance: the largest class of the training split outnumbers the smallest many times over. */
final class ClassImbalanceCheck implements DataCheck {

    /** Majority/minority ratio that starts to bias a classifier... */
    static final double WARNING_RATIO = 3.0;
    /** ...and one where the minority is mostly ignored. */
    static final double PROBLEM_RATIO = 10.0;
    /** Metrics that a majority-class guesser scores well on; the remedy swaps them for macro F1. */
    private static final Set<String> MAJORITY_FRIENDLY = Set.of("loss", "accuracy");

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.CLASS_IMBALANCE;
    }

    @Override
    public Optional<Diagnosis> check(DataUnderReview data) {
        if (!data.classification() || data.train().isEmpty()) {
            return Optional.empty();
        }
        List<String> names = data.dataset().info().labelNames();
        int[] counts = new int[names.size()];
        for (Example example : data.train()) {
            counts[example.label()]++;
        }
        int majority = 0;
        int minority = 0;
        for (int c = 0; c < counts.length; c++) {
            majority = counts[c] > counts[majority] ? c : majority;
            minority = counts[c] < counts[minority] ? c : minority;
        }
        double ratio = counts[minority] == 0 ? Double.POSITIVE_INFINITY
                : (double) counts[majority] / counts[minority];
        if (ratio < WARNING_RATIO) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("ratio", ratio);
        values.put("majority_count", (double) counts[majority]);
        values.put("minority_count", (double) counts[minority]);
        String sentence = "class '" + names.get(majority) + "' has " + counts[majority] + " training examples, class '"
                + names.get(minority) + "' " + counts[minority] + (counts[minority] == 0 ? "" : " (ratio "
                + Figures.number(ratio) + ":1)");
        Hyperparameters hp = data.hyperparameters();
        Remedy.Builder remedy = Remedy.from(hp);
        if (counts[minority] > 0) {
            remedy.set("class_weights", balancedWeights(counts));
        }
        if (MAJORITY_FRIENDLY.contains(hp.metricForBestModel())) {
            remedy.set("metric_for_best_model", "f1_macro");
        }
        return Optional.of(Diagnosis.ofData(kind(), ratio >= PROBLEM_RATIO ? Severity.PROBLEM : Severity.WARNING,
                "Class imbalance: " + (counts[minority] == 0 ? "a class has no training examples"
                        : Figures.number(ratio) + " to 1"),
                new Evidence(sentence, values), remedy.build("weight the loss by inverse class frequency and pick "
                        + "the best model by macro F1; collecting or oversampling minority examples helps most"),
                List.of()));
    }

    /** n / (classes x count): the weights of scikit-learn's "balanced", three decimals. */
    private static List<Double> balancedWeights(int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        List<Double> weights = new ArrayList<>();
        for (int count : counts) {
            weights.add(Math.round(1000.0 * total / (counts.length * (double) count)) / 1000.0);
        }
        return weights;
    }
}
