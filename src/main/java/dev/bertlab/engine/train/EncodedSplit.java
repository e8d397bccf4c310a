package dev.bertlab.engine.train;

import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TokenStats;
import java.util.List;

/**
 * A split ready for the model: encoded inputs with their gold values, in the dataset's order.
 *
 * @param name split name (train, validation, test)
 * @param ids example ids
 * @param inputs encoded texts
 * @param labels gold class per example (classification), or null for regression
 * @param targets gold value per example (regression), or null for classification
 * @param stats length and truncation figures under the run's max length
 */
public record EncodedSplit(String name, List<String> ids, List<EncodedText> inputs, int[] labels,
        double[] targets, TokenStats stats) {

    public EncodedSplit {
        ids = List.copyOf(ids);
        inputs = List.copyOf(inputs);
        if (ids.size() != inputs.size()) {
            throw new IllegalArgumentException("ids and inputs differ in length");
        }
        if ((labels == null) == (targets == null)) {
            throw new IllegalArgumentException("a split has either class labels or regression targets");
        }
        int gold = labels != null ? labels.length : targets.length;
        if (gold != inputs.size()) {
            throw new IllegalArgumentException("split " + name + " has " + inputs.size() + " inputs but " + gold
                    + " gold values");
        }
    }

    public int size() {
        return inputs.size();
    }

    public boolean isRegression() {
        return targets != null;
    }

    public int[] lengths() {
        return inputs.stream().mapToInt(EncodedText::length).toArray();
    }
}
