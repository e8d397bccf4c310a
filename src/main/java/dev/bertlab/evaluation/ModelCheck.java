package dev.bertlab.evaluation;

import java.time.Instant;

/**
 * An evaluation that runs the model again: test-time augmentation on the run's own test reviews, or the model on
 * another dataset's test split without retraining.
 *
 * @param kind what was checked
 * @param dataset the dataset whose test examples were classified
 * @param examples how many (a seeded sample when the split is larger)
 * @param plain scores of the model as trained (accuracy, F1 or macro F1, log loss)
 * @param augmented with test-time augmentation (head, middle and tail windows of long texts, averaged); null for a
 *     cross-domain check
 * @param longTexts examples longer than the model's max length, which TTA reads through several windows
 * @param longPlainAccuracy accuracy on those without TTA; null when there are none
 * @param longAugmentedAccuracy accuracy on those with TTA; null when there are none or for cross-domain
 * @param seconds how long it took
 * @param finishedAt when
 */
public record ModelCheck(Kind kind, String dataset, int examples, Scores plain, Scores augmented, int longTexts,
        Double longPlainAccuracy, Double longAugmentedAccuracy, double seconds, Instant finishedAt) {

    public enum Kind { TTA, CROSS_DOMAIN }

    /** The scores reported for one way of predicting. */
    public record Scores(double accuracy, double f1, double logLoss) {
    }
}
