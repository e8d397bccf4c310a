package dev.bertlab.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Decides which examples make up each optimizer step of an epoch. With length grouping (Hugging Face's
 * {@code group_by_length}) it shuffles, cuts the permutation into "mega-batches" of 50 steps, sorts each by
 * length so that a step holds texts of similar length, then shuffles the steps; dynamic padding then pads each
 * micro-batch only to its own longest text. The order is a pure function of (seed, epoch): that is what makes an
 * interrupted run resume on the very batch it would have seen.
 */
public final class LengthBucketSampler {

    private static final int STEPS_PER_MEGA_BATCH = 50;

    private final int[] lengths;
    private final int examplesPerStep;
    private final boolean groupByLength;
    private final long seed;

    public LengthBucketSampler(int[] lengths, int examplesPerStep, boolean groupByLength, long seed) {
        if (lengths.length == 0) {
            throw new IllegalArgumentException("the training split is empty");
        }
        if (examplesPerStep < 1) {
            throw new IllegalArgumentException("examples per step must be positive");
        }
        this.lengths = lengths.clone();
        this.examplesPerStep = examplesPerStep;
        this.groupByLength = groupByLength;
        this.seed = seed;
    }

    public int stepsPerEpoch() {
        return (lengths.length + examplesPerStep - 1) / examplesPerStep;
    }

    /** The example indices of every step of {@code epoch} (0-based); within a step, longest first. */
    public List<int[]> steps(int epoch) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        int[] order = permutation(lengths.length, random);
        List<int[]> steps = new ArrayList<>(stepsPerEpoch());
        if (!groupByLength) {
            for (int start = 0; start < order.length; start += examplesPerStep) {
                steps.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + examplesPerStep)));
            }
            return steps;
        }
        int megaBatch = examplesPerStep * STEPS_PER_MEGA_BATCH;
        for (int start = 0; start < order.length; start += megaBatch) {
            Integer[] chunk = IntStream.of(Arrays.copyOfRange(order, start, Math.min(order.length, start + megaBatch)))
                    .boxed().toArray(Integer[]::new);
            Arrays.sort(chunk, Comparator.comparingInt((Integer i) -> lengths[i]).reversed());
            for (int from = 0; from < chunk.length; from += examplesPerStep) {
                int to = Math.min(chunk.length, from + examplesPerStep);
                steps.add(Arrays.stream(chunk, from, to).mapToInt(Integer::intValue).toArray());
            }
        }
        // the last step may be short; it stays in place so that steps keep their size
        int shuffled = lengths.length % examplesPerStep == 0 ? steps.size() : steps.size() - 1;
        for (int i = shuffled - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] swap = steps.get(i);
            steps.set(i, steps.get(j));
            steps.set(j, swap);
        }
        return steps;
    }

    /** Token slots a whole epoch occupies with dynamic padding per micro-batch of {@code microBatch}. */
    public long paddedTokenSlots(int epoch, int microBatch) {
        long slots = 0;
        for (int[] step : steps(epoch)) {
            for (int from = 0; from < step.length; from += microBatch) {
                int to = Math.min(step.length, from + microBatch);
                int longest = 0;
                for (int i = from; i < to; i++) {
                    longest = Math.max(longest, lengths[step[i]]);
                }
                slots += (long) longest * (to - from);
            }
        }
        return slots;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
