package dev.bertlab.engine.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A dataset with its examples, split into train, validation and test. Immutable; every split is present (maybe
 * empty), ids are unique across splits and labels agree with the task.
 */
public record LabeledDataset(DatasetInfo info, Map<Split, List<Example>> splits) {

    public LabeledDataset {
        Objects.requireNonNull(info, "info");
        EnumMap<Split, List<Example>> copy = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            copy.put(split, List.copyOf(splits.getOrDefault(split, List.of())));
        }
        splits = Collections.unmodifiableMap(copy);
        checkExamples(info, splits);
    }

    /**
     * Builds a dataset and its info: counts, whether it has text pairs and the content fingerprint are computed
     * from the examples.
     */
    public static LabeledDataset of(String name, String displayName, TaskType task, List<String> labelNames,
                                    String source, Map<Split, List<Example>> splits) {
        DatasetName.check(name);
        EnumMap<Split, Integer> counts = new EnumMap<>(Split.class);
        boolean hasTextPair = false;
        for (Split split : Split.values()) {
            List<Example> examples = splits.getOrDefault(split, List.of());
            counts.put(split, examples.size());
            hasTextPair |= examples.stream().anyMatch(example -> example.textPair() != null);
        }
        String fingerprint = DatasetFingerprint.of(task, labelNames, splits);
        DatasetInfo info = new DatasetInfo(name, displayName, task, labelNames, source, fingerprint, counts,
                hasTextPair);
        return new LabeledDataset(info, splits);
    }

    /** The examples of one split, in a fixed order; empty if the split has none. */
    public List<Example> split(Split split) {
        return splits.get(split);
    }

    /** A seeded stratified subset; see {@link StratifiedSampler#subset}. */
    public LabeledDataset subset(Map<Split, Integer> sizes, long seed) {
        return StratifiedSampler.subset(this, sizes, seed);
    }

    private static void checkExamples(DatasetInfo info, Map<Split, List<Example>> splits) {
        Set<String> ids = new HashSet<>();
        boolean classification = info.task() == TaskType.SINGLE_LABEL_CLASSIFICATION;
        for (Split split : Split.values()) {
            if (splits.get(split).size() != info.count(split)) {
                throw new IllegalArgumentException("dataset " + info.name() + ": info says " + info.count(split)
                        + " " + split.id() + " examples but there are " + splits.get(split).size());
            }
            for (Example example : splits.get(split)) {
                if (!ids.add(example.id())) {
                    throw new IllegalArgumentException("dataset " + info.name() + ": id " + example.id()
                            + " occurs twice");
                }
                if (classification && (example.label() < 0 || example.label() >= info.numLabels())) {
                    throw new IllegalArgumentException("dataset " + info.name() + ": example " + example.id()
                            + " has label " + example.label() + " outside 0.." + (info.numLabels() - 1));
                }
                if (!classification && (example.label() != -1 || !Double.isFinite(example.target()))) {
                    throw new IllegalArgumentException("dataset " + info.name() + ": regression example "
                            + example.id() + " needs label -1 and a finite target");
                }
            }
        }
    }
}
