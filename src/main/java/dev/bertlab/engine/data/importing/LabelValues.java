package dev.bertlab.engine.data.importing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** How label cells are read: class names in a stable order, and regression targets as plain decimal numbers. */
final class LabelValues {

    /** Decimal notation only: Java's parser also takes "NaN", "Infinity", hex and a trailing 'd', no file means. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private LabelValues() {
    }

    static boolean isNumber(String value) {
        return NUMBER.matcher(value).matches();
    }

    /**
     * The class names in index order: the distinct values sorted numerically if every one is a number (so "2" comes
     * before "10"), otherwise by their text.
     */
    static List<String> sortedClassNames(Collection<String> distinct) {
        boolean numeric = distinct.stream().allMatch(LabelValues::isNumber);
        Comparator<String> order = numeric
                ? Comparator.<String, BigDecimal>comparing(BigDecimal::new).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        return distinct.stream().sorted(order).toList();
    }

    /** The regression target, or null if the cell is not a finite decimal number. */
    static Double target(String value) {
        if (!isNumber(value)) {
            return null;
        }
        double target = Double.parseDouble(value);
        return Double.isFinite(target) ? target : null;
    }
}
