package dev.bertlab.engine.sweep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.bertlab.engine.train.Knob;
import dev.bertlab.engine.train.Knobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hyperparameters a sweep varies and the values each may take, by their snake_case names. A grid tries
 * every combination; a random search draws from the same lists.
 */
public record SearchSpace(Map<String, List<Object>> values) {

    /** The knobs a sweep may vary. */
    public static final Set<String> SWEEPABLE = Knobs.all().stream().filter(Knob::sweepable).map(Knob::key)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @JsonCreator
    public SearchSpace {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one hyperparameter to vary");
        }
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        values.forEach((name, options) -> {
            if (!SWEEPABLE.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' cannot be swept; choose from "
                        + new java.util.TreeSet<>(SWEEPABLE));
            }
            if (options == null || options.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' needs at least one value");
            }
            copy.put(name, List.copyOf(options));
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    @JsonValue
    @Override
    public Map<String, List<Object>> values() {
        return values;
    }

    /** Combinations in the full grid. */
    public long gridSize() {
        return values.values().stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
    }
}
