package dev.bertlab.engine.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * A classifier's output for one example, as kept in {@code predictions.csv}.
 *
 * @param id            the example's id in its data set
 * @param gold          gold class index
 * @param predicted     predicted class index (the argmax of the probabilities, unless a threshold moved it)
 * @param probabilities one probability per class, index = class
 */
public record Prediction(String id, int gold, int predicted, float[] probabilities) {

    public Prediction {
        Objects.requireNonNull(id, "id");
        if (probabilities == null || probabilities.length < 2) {
            throw new IllegalArgumentException("prediction '" + id + "' needs a probability per class (at least 2)");
        }
        checkClass(gold, "gold", id, probabilities.length);
        checkClass(predicted, "predicted", id, probabilities.length);
        probabilities = probabilities.clone();
    }

    /** The prediction that takes the most probable class (ties to the lowest index). */
    public static Prediction of(String id, int gold, float[] probabilities) {
        Objects.requireNonNull(probabilities, "probabilities");
        return new Prediction(id, gold, Argmax.of(probabilities), probabilities);
    }

    /** Probability of the predicted class. */
    public float confidence() {
        return probabilities[predicted];
    }

    public boolean correct() {
        return gold == predicted;
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && id.equals(that.id) && gold == that.gold
                && predicted == that.predicted && Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, gold, predicted, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "Prediction[id=" + id + ", gold=" + gold + ", predicted=" + predicted + ", probabilities="
                + Arrays.toString(probabilities) + "]";
    }

    private static void checkClass(int value, String what, String id, int classes) {
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException(what + " class of prediction '" + id + "' is " + value
                    + ", outside 0.." + (classes - 1));
        }
    }
}
