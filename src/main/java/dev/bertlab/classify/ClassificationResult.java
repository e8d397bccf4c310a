package dev.bertlab.classify;

import java.util.List;
import java.util.Map;

/**
 * The labels of a batch of texts.
 *
 * @param model the model that labelled them
 * @param labels the model's classes, in its order
 * @param texts one result per text, in the order asked
 * @param millis time to tokenize and classify the batch (not counting a wait for a free place or a model load)
 */
public record ClassificationResult(ClassifiableModel model, List<String> labels, List<TextResult> texts,
        double millis) {

    /**
     * One text's label.
     *
     * @param label the most probable class
     * @param probabilities each class's probability, in the model's label order; they sum to 1
     * @param truncated whether part of the text was not read
     * @param tokens tokens the model read
     * @param notice what was cut and why, when something was; null otherwise
     */
    public record TextResult(String label, Map<String, Double> probabilities, boolean truncated, int tokens,
            String notice) {
    }
}
