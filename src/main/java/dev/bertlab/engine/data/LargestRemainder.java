package dev.bertlab.engine.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an integer total among groups in proportion to their weights, so the parts sum exactly to the total:
 * each group gets the floor of its exact share, and the units left over go to the largest fractional parts (ties
 * to the lower group index), never beyond a group's capacity.
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param total      what to hand out
     * @param weights    each group's weight (for stratification: its class count)
     * @param capacities the most a group may receive
     * @throws IllegalArgumentException if the capacities cannot hold the total
     */
    static int[] apportion(int total, int[] weights, int[] capacities) {
        long weightSum = Arrays.stream(weights).asLongStream().sum();
        int[] parts = new int[weights.length];
        long[] remainders = new long[weights.length];
        int handedOut = 0;
        for (int g = 0; g < weights.length; g++) {
            long exact = (long) total * weights[g];
            parts[g] = (int) Math.min(weightSum == 0 ? 0 : exact / weightSum, capacities[g]);
            remainders[g] = weightSum == 0 ? 0 : exact % weightSum;
            handedOut += parts[g];
        }
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(g -> -remainders[g]).thenComparingInt(g -> g))
                .toArray(Integer[]::new);
        int left = total - handedOut;
        while (left > 0) {
            boolean progressed = false;
            for (int g : order) {
                if (left > 0 && parts[g] < capacities[g]) {
                    parts[g]++;
                    left--;
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalArgumentException("cannot place " + total + " items in groups of capacity "
                        + Arrays.toString(capacities));
            }
        }
        return parts;
    }
}
