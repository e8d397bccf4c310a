package dev.bertlab.engine.diagnose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a rule fired.
 *
 * @param sentence for people, with the values and steps ("validation loss rose 0.41 -> 0.47 over 2 evaluations")
 * @param values the same numbers by snake_case name, for charts and tests
 */
public record Evidence(String sentence, Map<String, Double> values) {

    public Evidence {
        Objects.requireNonNull(sentence, "sentence");
        // insertion order is kept so the UI lists the numbers in the order the sentence uses them
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
