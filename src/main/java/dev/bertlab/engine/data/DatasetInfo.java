package dev.bertlab.engine.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a dataset is, without its examples: stored as {@code dataset.json} beside the split files.
 *
 * @param name        catalog name, {@code [a-z0-9][a-z0-9_-]{0,63}}
 * @param displayName human-readable title
 * @param task        classification or regression
 * @param labelNames  class names indexed by {@link Example#label()}; empty for regression
 * @param source      where the examples came from (package and file, or imported file names)
 * @param fingerprint SHA-256 hex of the content (see {@link DatasetFingerprint}); null for a built-in that has
 *                    not been materialized yet
 * @param counts      examples per split
 * @param hasTextPair whether examples carry a second text
 */
public record DatasetInfo(String name, String displayName, TaskType task, List<String> labelNames, String source,
                          String fingerprint, Map<Split, Integer> counts, boolean hasTextPair) {

    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        labelNames = List.copyOf(labelNames);
        EnumMap<Split, Integer> allSplits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            allSplits.put(split, counts.getOrDefault(split, 0));
        }
        counts = java.util.Collections.unmodifiableMap(allSplits);
    }

    /** Whether the examples exist on disk; a built-in is listed before it is first fetched. */
    public boolean materialized() {
        return fingerprint != null;
    }

    /** Number of classes; 0 for regression. */
    public int numLabels() {
        return labelNames.size();
    }

    public int count(Split split) {
        return counts.get(split);
    }
}
