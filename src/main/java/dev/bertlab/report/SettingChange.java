package dev.bertlab.report;

import java.util.OptionalInt;

/**
 * A setting a child experiment changed against its parent, as the experiment form writes it.
 *
 * @param key snake_case name (a hyperparameter, or {@code dataset}/{@code base_model})
 * @param before the parent's value ("" when unset)
 * @param after the child's value ("" when unset)
 */
public record SettingChange(String key, String before, String after) {

    /** +1 when a number went up, -1 when it went down; empty when either side is not a number. */
    public OptionalInt direction() {
        try {
            return OptionalInt.of(Double.compare(Double.parseDouble(after), Double.parseDouble(before)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** "max_length 8 -> 32"; an unset side reads "none". */
    public String text() {
        return key + " " + orNone(before) + " -> " + orNone(after);
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }
}
