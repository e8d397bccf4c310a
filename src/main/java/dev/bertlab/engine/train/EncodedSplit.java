package dev.bertlab.engine.train;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.TokenStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A split ready for the model: encoded inputs with their gold values, in the dataset's order.
 *
 * @param name split name (train, validation, test)
 * @param ids example ids
 * @param inputs encoded texts
 * @param labels gold class per example (classification), or null for regression
 * @param targets gold value per example (regression), or null for classification
 * @param stats length and truncation figures under the run's max length
 * @param augmentedExamples how many of the inputs are augmented copies (training split only; 0 elsewhere)
 */
public record EncodedSplit(String name, List<String> ids, List<EncodedText> inputs, int[] labels,
        double[] targets, TokenStats stats, int augmentedExamples) {

    /** A split without augmented copies. */
    public EncodedSplit(String name, List<String> ids, List<EncodedText> inputs, int[] labels, double[] targets,
            TokenStats stats) {
        this(name, ids, inputs, labels, targets, stats, 0);
    }

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
        if (augmentedExamples < 0 || augmentedExamples > inputs.size()) {
            throw new IllegalArgumentException("split " + name + " cannot hold " + augmentedExamples
                    + " augmented examples among " + inputs.size());
        }
    }

    /**
     * Encodes examples in their order.
     *
     * @param augmentedExamples how many of them are augmented copies
     * @param progress receives the number encoded so far
     */
    public static EncodedSplit encode(TextEncoder encoder, String name, List<Example> examples, boolean regression,
            int augmentedExamples, IntConsumer progress) {
        List<String> texts = new ArrayList<>(examples.size());
        List<String> pairs = new ArrayList<>(examples.size());
        boolean hasPairs = false;
        for (Example example : examples) {
            texts.add(example.text());
            pairs.add(example.textPair() == null ? "" : example.textPair());
            hasPairs |= example.textPair() != null;
        }
        List<EncodedText> inputs = encoder.encodeAll(texts, hasPairs ? pairs : null, progress);
        List<String> ids = examples.stream().map(Example::id).toList();
        int[] labels = regression ? null : examples.stream().mapToInt(Example::label).toArray();
        double[] targets = regression ? examples.stream().mapToDouble(Example::target).toArray() : null;
        return new EncodedSplit(name, ids, inputs, labels, targets, TokenStats.of(inputs), augmentedExamples);
    }

    /** Examples that are not augmented copies. */
    public int originalExamples() {
        return inputs.size() - augmentedExamples;
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
