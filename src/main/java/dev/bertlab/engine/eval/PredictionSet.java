package dev.bertlab.engine.eval;

import java.util.List;

/**
 * The predictions of a classifier on one split, with the names of its classes.
 *
 * @param labels      class names, index = class
 * @param predictions one per example, each with one probability per label
 */
public record PredictionSet(List<String> labels, List<Prediction> predictions) {

    public PredictionSet {
        labels = LabelNames.check(labels);
        predictions = List.copyOf(predictions);
        for (Prediction prediction : predictions) {
            if (prediction.probabilities().length != labels.size()) {
                throw new IllegalArgumentException("prediction '" + prediction.id() + "' has "
                        + prediction.probabilities().length + " probabilities but there are " + labels.size()
                        + " labels " + labels);
            }
        }
    }
}
