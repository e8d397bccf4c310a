package dev.bertlab.engine.significance;

import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two runs' predictions on the same test set, lined up example by example so that paired statistics can compare
 * them. Run A's order is kept; run B's predictions are matched to it by example id, so B may list them in any
 * order. A run's prediction is its {@link Prediction#predicted()} class, so a tuned threshold counts.
 *
 * @param labels     class names, index = class, the same in both runs
 * @param ids        example ids in run A's order
 * @param gold       gold class per example (the same in both runs)
 * @param predictedA run A's predicted class per example
 * @param predictedB run B's predicted class per example
 */
public record PairedPredictions(List<String> labels, List<String> ids, int[] gold, int[] predictedA,
                                int[] predictedB) {

    public PairedPredictions {
        labels = List.copyOf(labels);
        ids = List.copyOf(ids);
        if (gold.length != ids.size() || predictedA.length != ids.size() || predictedB.length != ids.size()) {
            throw new IllegalArgumentException("paired predictions need one gold and two predictions per id, got "
                    + ids.size() + " ids, " + gold.length + " gold, " + predictedA.length + " and "
                    + predictedB.length + " predictions");
        }
        gold = gold.clone();
        predictedA = predictedA.clone();
        predictedB = predictedB.clone();
    }

    /**
     * Lines up {@code b} with {@code a} by example id.
     *
     * @throws IllegalArgumentException if the runs are not on the same test set: different labels, sizes or ids,
     *                                  an id listed twice, a different gold label for an id, or no examples
     */
    public static PairedPredictions of(PredictionSet a, PredictionSet b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!a.labels().equals(b.labels())) {
            throw new IllegalArgumentException("the runs have different labels, " + a.labels() + " and "
                    + b.labels() + ": compare runs of the same task");
        }
        List<Prediction> first = a.predictions();
        List<Prediction> second = b.predictions();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("run A has no predictions to compare");
        }
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("the runs were evaluated on different test sets: run A has "
                    + first.size() + " predictions, run B has " + second.size());
        }
        byId(first, "A");
        Map<String, Prediction> secondById = byId(second, "B");
        List<String> missing = new ArrayList<>();
        int n = first.size();
        List<String> ids = new ArrayList<>(n);
        int[] gold = new int[n];
        int[] predictedA = new int[n];
        int[] predictedB = new int[n];
        for (int i = 0; i < n; i++) {
            Prediction left = first.get(i);
            Prediction right = secondById.get(left.id());
            if (right == null) {
                missing.add(left.id());
                continue;
            }
            if (left.gold() != right.gold()) {
                throw new IllegalArgumentException("example '" + left.id() + "' has gold " + left.gold()
                        + " in run A but " + right.gold() + " in run B: the runs were evaluated on different"
                        + " versions of the test set");
            }
            ids.add(left.id());
            gold[i] = left.gold();
            predictedA[i] = left.predicted();
            predictedB[i] = right.predicted();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " example ids of run A are not in run B (first: "
                    + missing.subList(0, Math.min(3, missing.size())) + "): the runs were evaluated on different"
                    + " test sets");
        }
        return new PairedPredictions(a.labels(), ids, gold, predictedA, predictedB);
    }

    public int examples() {
        return gold.length;
    }

    public int classes() {
        return labels.size();
    }

    private static Map<String, Prediction> byId(List<Prediction> predictions, String run) {
        Map<String, Prediction> byId = new HashMap<>(predictions.size() * 2);
        for (Prediction prediction : predictions) {
            if (byId.put(prediction.id(), prediction) != null) {
                throw new IllegalArgumentException("example id '" + prediction.id() + "' appears twice in run "
                        + run + ": ids must identify examples to pair them");
            }
        }
        return byId;
    }

    @Override
    public int[] gold() {
        return gold.clone();
    }

    @Override
    public int[] predictedA() {
        return predictedA.clone();
    }

    @Override
    public int[] predictedB() {
        return predictedB.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairedPredictions that && labels.equals(that.labels) && ids.equals(that.ids)
                && Arrays.equals(gold, that.gold) && Arrays.equals(predictedA, that.predictedA)
                && Arrays.equals(predictedB, that.predictedB);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, ids, Arrays.hashCode(gold), Arrays.hashCode(predictedA),
                Arrays.hashCode(predictedB));
    }

    @Override
    public String toString() {
        return "PairedPredictions[" + examples() + " examples, labels " + labels + "]";
    }
}
