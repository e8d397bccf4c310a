package dev.bertlab.engine.eval;

/**
 * Accuracy on the examples of one length range.
 *
 * @param label     the range as a person reads it: "<=128", "129-256", ">512"
 * @param minLength shortest length in the bucket, inclusive
 * @param maxLength longest length in the bucket, inclusive; null for the open last bucket
 * @param examples  examples in the bucket
 * @param correct   of those, predicted correctly
 * @param accuracy  correct / examples; null when the bucket is empty
 */
public record LengthBucket(String label, int minLength, Integer maxLength, int examples, int correct,
                           Double accuracy) {
}
