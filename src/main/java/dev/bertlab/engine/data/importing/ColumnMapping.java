package dev.bertlab.engine.data.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns (CSV/TSV header names, JSON fields, Parquet columns) hold what.
 *
 * @param text     the text column
 * @param textPair the second text of a pair task, or null
 * @param label    the class (string or integer) or, for regression, the number
 */
public record ColumnMapping(String text, String textPair, String label) {

    public ColumnMapping {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the text column must be named");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("the label column must be named");
        }
        if (textPair != null && textPair.isBlank()) {
            textPair = null;
        }
    }

    public static ColumnMapping of(String text, String label) {
        return new ColumnMapping(text, null, label);
    }

    /** The mapped column names: text, pair if any, label. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(text));
        if (textPair != null) {
            names.add(textPair);
        }
        names.add(label);
        return names;
    }

    @Override
    public String toString() {
        return "text=" + text + (textPair == null ? "" : ", pair=" + textPair) + ", label=" + label;
    }
}
