package dev.bertlab.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Seeded subsets for quick runs: n examples of a split with the class proportions of the whole split
 * (largest-remainder rounding), the same for the same seed on every machine.
 */
public final class StratifiedSampler {

    private StratifiedSampler() {
    }

    /**
     * A new dataset holding a subset of each split named in {@code sizes}; splits not named are kept whole. The
     * subset keeps the dataset's name (it is not stored) and gets its own fingerprint and a source that says how it
     * was drawn.
     *
     * @throws IllegalArgumentException if a size is negative or larger than its split
     */
    public static LabeledDataset subset(LabeledDataset dataset, Map<Split, Integer> sizes, long seed) {
        DatasetInfo info = dataset.info();
        Map<Split, List<Example>> splits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            List<Example> examples = dataset.split(split);
            Integer size = sizes.get(split);
            if (size == null) {
                splits.put(split, examples);
            } else {
                checkSize(info, split, size);
                Random random = SeededShuffle.stream(seed, split.ordinal());
                splits.put(split, info.task() == TaskType.SINGLE_LABEL_CLASSIFICATION
                        ? sampleStratified(examples, info.numLabels(), size, random)
                        : sampleRandom(examples, size, random));
            }
        }
        String drawn = sizes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey().id() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        String source = "subset (" + drawn + ", seed " + seed + ") of " + info.name() + " " + info.fingerprint()
                + "; " + info.source();
        return LabeledDataset.of(info.name(), info.displayName() + " (subset)", info.task(), info.labelNames(),
                source, splits);
    }

    /** n examples of the pool, each class contributing in proportion to its count; pool order is kept. */
    static List<Example> sampleStratified(List<Example> pool, int numLabels, int n, Random random) {
        int[][] members = StratifiedSplitter.membersByLabel(pool, numLabels);
        int[] classCounts = Arrays.stream(members).mapToInt(m -> m.length).toArray();
        int[] quotas = LargestRemainder.apportion(n, classCounts, classCounts);
        boolean[] chosen = new boolean[pool.size()];
        for (int c = 0; c < numLabels; c++) {
            int[] shuffled = members[c].clone();
            SeededShuffle.shuffle(shuffled, random);
            for (int k = 0; k < quotas[c]; k++) {
                chosen[shuffled[k]] = true;
            }
        }
        return keepChosen(pool, chosen);
    }

    static List<Example> sampleRandom(List<Example> pool, int n, Random random) {
        int[] order = new int[pool.size()];
        Arrays.setAll(order, i -> i);
        SeededShuffle.shuffle(order, random);
        boolean[] chosen = new boolean[pool.size()];
        for (int k = 0; k < n; k++) {
            chosen[order[k]] = true;
        }
        return keepChosen(pool, chosen);
    }

    private static List<Example> keepChosen(List<Example> pool, boolean[] chosen) {
        List<Example> kept = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (chosen[i]) {
                kept.add(pool.get(i));
            }
        }
        return kept;
    }

    private static void checkSize(DatasetInfo info, Split split, int size) {
        int available = info.count(split);
        if (size < 0 || size > available) {
            throw new IllegalArgumentException("dataset " + info.name() + ": cannot take " + size + " "
                    + split.id() + " examples; the split has " + available);
        }
    }
}
