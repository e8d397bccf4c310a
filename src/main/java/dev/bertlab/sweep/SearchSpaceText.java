package dev.bertlab.sweep;

import dev.bertlab.engine.sweep.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search space as people type it, one knob a line: {@code learning_rate: 2e-5, 3e-5, 5e-5}. Numbers become
 * numbers (integers stay integers), anything else stays text (LINEAR, head+tail:128).
 */
public final class SearchSpaceText {

    private SearchSpaceText() {
    }

    public static SearchSpace parse(String text) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": write 'name: value, value, ...'");
            }
            String name = line.substring(0, colon).trim();
            List<Object> options = new ArrayList<>();
            for (String raw : line.substring(colon + 1).split(",")) {
                String value = raw.trim();
                if (!value.isEmpty()) {
                    options.add(value(value));
                }
            }
            if (values.put(name, options) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + name + " is listed twice");
            }
        }
        return new SearchSpace(values);
    }

    public static String format(SearchSpace space) {
        StringBuilder text = new StringBuilder();
        space.values().forEach((name, options) -> text.append(name).append(": ")
                .append(String.join(", ", options.stream().map(SearchSpaceText::valueText).toList())).append('\n'));
        return text.toString();
    }

    /** One value as people write it: 2e-5 rather than 2.0E-5. */
    public static String valueText(Object value) {
        return value instanceof Double d ? dev.bertlab.engine.train.KnobText.decimal(d) : String.valueOf(value);
    }

    private static Object value(String text) {
        if (text.matches("[+-]?\\d+")) {
            return Integer.parseInt(text);
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
