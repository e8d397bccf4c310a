package dev.bertlab.dataset;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the labels spread over each split: examples per class, or for regression per range of the target (ten equal
 * ranges between the smallest and largest target).
 *
 * @param categories class names, or the target ranges
 * @param counts examples per category, per split
 */
public record LabelDistribution(List<String> categories, Map<Split, int[]> counts) {

    private static final int REGRESSION_BINS = 10;

    public LabelDistribution {
        categories = List.copyOf(categories);
        counts = Map.copyOf(counts);
    }

    public static LabelDistribution of(LabeledDataset dataset) {
        return dataset.info().task() == TaskType.REGRESSION ? ofTargets(dataset) : ofClasses(dataset);
    }

    public int count(Split split, int category) {
        return counts.get(split)[category];
    }

    private static LabelDistribution ofClasses(LabeledDataset dataset) {
        List<String> labels = dataset.info().labelNames();
        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            int[] perClass = new int[labels.size()];
            dataset.split(split).forEach(example -> perClass[example.label()]++);
            counts.put(split, perClass);
        }
        return new LabelDistribution(labels, counts);
    }

    private static LabelDistribution ofTargets(LabeledDataset dataset) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Split split : Split.values()) {
            for (Example example : dataset.split(split)) {
                min = Math.min(min, example.target());
                max = Math.max(max, example.target());
            }
        }
        if (min > max) {
            return new LabelDistribution(List.of(), Map.of());
        }
        double width = max > min ? (max - min) / REGRESSION_BINS : 1;
        List<String> ranges = new ArrayList<>();
        for (int bin = 0; bin < REGRESSION_BINS; bin++) {
            ranges.add(String.format(Locale.ROOT, "%.3g–%.3g", min + bin * width, min + (bin + 1) * width));
        }
        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            int[] perBin = new int[REGRESSION_BINS];
            for (Example example : dataset.split(split)) {
                perBin[Math.min(REGRESSION_BINS - 1, (int) ((example.target() - min) / width))]++;
            }
            counts.put(split, perBin);
        }
        return new LabelDistribution(ranges, counts);
    }
}
