package dev.bertlab.engine.data;

import java.util.Objects;

/**
 * One labeled text (or text pair).
 *
 * @param id       unique within the whole dataset, across splits
 * @param text     the text, never blank
 * @param textPair the second text of a pair task, or null
 * @param label    classification: index into {@link DatasetInfo#labelNames()}; regression: -1
 * @param target   regression: the value; classification: NaN
 */
public record Example(String id, String text, String textPair, int label, double target) {

    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    /** A classification example. */
    public static Example classified(String id, String text, String textPair, int label) {
        if (label < 0) {
            throw new IllegalArgumentException("example " + id + ": label index must be >= 0, got " + label);
        }
        return new Example(id, text, textPair, label, Double.NaN);
    }

    /** A regression example. */
    public static Example regression(String id, String text, String textPair, double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("example " + id + ": target must be a finite number, got " + target);
        }
        return new Example(id, text, textPair, -1, target);
    }
}
