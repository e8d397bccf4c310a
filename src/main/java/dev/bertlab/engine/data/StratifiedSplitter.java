package dev.bertlab.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded splits of one pool of examples into train, validation and test that are identical on every machine.
 *
 * <p>Stratified: the validation and test sizes are shared out among the classes in proportion to their counts
 * ({@link LargestRemainder}, at least one example of every class stays in train); then one {@code new
 * Random(seed)} shuffles each class in label order ({@link SeededShuffle}), and a class's first examples go to
 * validation, the next to test, the rest to train. Every split keeps the pool's order.
 */
public final class StratifiedSplitter {

    private StratifiedSplitter() {
    }

    /**
     * Splits classification examples keeping class proportions in every split.
     *
     * @throws IllegalArgumentException if the sizes exceed the pool or would leave a class out of train
     */
    public static Map<Split, List<Example>> stratified(List<Example> pool, int numLabels, int validationSize,
                                                       int testSize, long seed) {
        checkSizes(pool.size(), validationSize, testSize);
        int[][] members = membersByLabel(pool, numLabels);
        int[] classCounts = Arrays.stream(members).mapToInt(m -> m.length).toArray();
        int trainSize = pool.size() - validationSize - testSize;
        int[] capacities = new int[numLabels];
        for (int c = 0; c < numLabels; c++) {
            capacities[c] = trainSize > 0 ? Math.max(0, classCounts[c] - 1) : classCounts[c];
        }
        int[] validationPerClass = apportion(validationSize, classCounts, capacities, Split.VALIDATION);
        for (int c = 0; c < numLabels; c++) {
            capacities[c] -= validationPerClass[c];
        }
        int[] testPerClass = apportion(testSize, classCounts, capacities, Split.TEST);

        Random random = new Random(seed);
        Split[] assignment = new Split[pool.size()];
        for (int c = 0; c < numLabels; c++) {
            int[] shuffled = members[c].clone();
            SeededShuffle.shuffle(shuffled, random);
            for (int k = 0; k < shuffled.length; k++) {
                assignment[shuffled[k]] = k < validationPerClass[c] ? Split.VALIDATION
                        : k < validationPerClass[c] + testPerClass[c] ? Split.TEST : Split.TRAIN;
            }
        }
        return collect(pool, assignment);
    }

    /** Splits examples without regard to labels (regression): one seeded shuffle of the whole pool. */
    public static Map<Split, List<Example>> random(List<Example> pool, int validationSize, int testSize, long seed) {
        checkSizes(pool.size(), validationSize, testSize);
        int[] order = new int[pool.size()];
        Arrays.setAll(order, i -> i);
        SeededShuffle.shuffle(order, new Random(seed));
        Split[] assignment = new Split[pool.size()];
        for (int k = 0; k < order.length; k++) {
            assignment[order[k]] = k < validationSize ? Split.VALIDATION
                    : k < validationSize + testSize ? Split.TEST : Split.TRAIN;
        }
        return collect(pool, assignment);
    }

    /** Indices of the pool's examples per label, in pool order. */
    static int[][] membersByLabel(List<Example> pool, int numLabels) {
        int[] counts = new int[numLabels];
        for (Example example : pool) {
            counts[example.label()]++;
        }
        int[][] members = new int[numLabels][];
        for (int c = 0; c < numLabels; c++) {
            members[c] = new int[counts[c]];
        }
        int[] filled = new int[numLabels];
        for (int i = 0; i < pool.size(); i++) {
            int label = pool.get(i).label();
            members[label][filled[label]++] = i;
        }
        return members;
    }

    private static int[] apportion(int size, int[] classCounts, int[] capacities, Split split) {
        try {
            return LargestRemainder.apportion(size, classCounts, capacities);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot take " + size + " " + split.id()
                    + " examples and keep every class in train; class counts are " + Arrays.toString(classCounts),
                    e);
        }
    }

    private static void checkSizes(int poolSize, int validationSize, int testSize) {
        if (validationSize < 0 || testSize < 0 || (long) validationSize + testSize > poolSize) {
            throw new IllegalArgumentException("cannot take " + validationSize + " validation and " + testSize
                    + " test examples out of " + poolSize);
        }
    }

    private static Map<Split, List<Example>> collect(List<Example> pool, Split[] assignment) {
        Map<Split, List<Example>> splits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            splits.put(split, new ArrayList<>());
        }
        for (int i = 0; i < pool.size(); i++) {
            splits.get(assignment[i]).add(pool.get(i));
        }
        return splits;
    }
}
