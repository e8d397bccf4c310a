package dev.bertlab.engine.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The class names of a classifier: at least two, none blank, none twice (they name the CSV's columns). */
final class LabelNames {

    private LabelNames() {
    }

    /** An immutable copy of {@code labelNames}, once they are checked. */
    static List<String> check(List<String> labelNames) {
        Objects.requireNonNull(labelNames, "labelNames");
        if (labelNames.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 labels, got " + labelNames);
        }
        Set<String> seen = new HashSet<>();
        for (String name : labelNames) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("label names must not be blank: " + labelNames);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("label name '" + name + "' appears twice in " + labelNames);
            }
        }
        return List.copyOf(labelNames);
    }
}
