package dev.bertlab.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Accuracy per length bucket: does the model fail on long texts (truncated at the maximum sequence length) or on
 * very short ones? Lengths are whatever the caller counts, tokens or words.
 *
 * @param upperEdges the inclusive upper length of every bucket but the last, rising
 * @param buckets    one per range, empty ones included, shortest first
 */
public record LengthBucketAccuracy(int[] upperEdges, List<LengthBucket> buckets) {

    /** Edges at BERT's usual sequence lengths: <=128, 129-256, 257-512, >512 (truncated at 512). */
    public static final int[] DEFAULT_UPPER_EDGES = {128, 256, 512};

    public LengthBucketAccuracy {
        upperEdges = checkEdges(upperEdges);
        buckets = List.copyOf(buckets);
    }

    /** Buckets at {@link #DEFAULT_UPPER_EDGES}; {@code lengthsById} holds each prediction's length. */
    public static LengthBucketAccuracy of(PredictionSet predictions, Map<String, Integer> lengthsById) {
        return of(predictions, lengthsById, DEFAULT_UPPER_EDGES);
    }

    /**
     * @throws IllegalArgumentException if a prediction's id has no length, or the edges are not rising and
     *                                  non-negative
     */
    public static LengthBucketAccuracy of(PredictionSet predictions, Map<String, Integer> lengthsById,
                                          int... upperEdges) {
        Objects.requireNonNull(lengthsById, "lengthsById");
        List<Prediction> list = predictions.predictions();
        boolean[] correct = new boolean[list.size()];
        int[] lengths = new int[list.size()];
        for (int i = 0; i < lengths.length; i++) {
            Prediction prediction = list.get(i);
            Integer length = lengthsById.get(prediction.id());
            if (length == null) {
                throw new IllegalArgumentException("no length for example '" + prediction.id() + "': give the token"
                        + " or word count of every predicted example");
            }
            lengths[i] = length;
            correct[i] = prediction.correct();
        }
        return of(correct, lengths, upperEdges);
    }

    /**
     * @param correct    whether each example was predicted correctly
     * @param lengths    each example's length, not negative
     * @param upperEdges inclusive upper lengths of all buckets but the last, strictly rising, not negative
     */
    public static LengthBucketAccuracy of(boolean[] correct, int[] lengths, int... upperEdges) {
        int[] edges = checkEdges(upperEdges);
        if (correct.length != lengths.length) {
            throw new IllegalArgumentException(correct.length + " correctness flags but " + lengths.length
                    + " lengths: give one of each per example");
        }
        int[] examples = new int[edges.length + 1];
        int[] rights = new int[edges.length + 1];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("length of example " + i + " is " + lengths[i]
                        + "; lengths cannot be negative");
            }
            int bucket = bucketOf(lengths[i], edges);
            examples[bucket]++;
            rights[bucket] += correct[i] ? 1 : 0;
        }
        List<LengthBucket> buckets = new ArrayList<>(edges.length + 1);
        for (int b = 0; b <= edges.length; b++) {
            int min = b == 0 ? 0 : edges[b - 1] + 1;
            Integer max = b == edges.length ? null : edges[b];
            buckets.add(new LengthBucket(label(b, edges), min, max, examples[b], rights[b],
                    examples[b] == 0 ? null : (double) rights[b] / examples[b]));
        }
        return new LengthBucketAccuracy(edges, buckets);
    }

    @Override
    public int[] upperEdges() {
        return upperEdges.clone();
    }

    private static int bucketOf(int length, int[] edges) {
        int bucket = 0;
        while (bucket < edges.length && length > edges[bucket]) {
            bucket++;
        }
        return bucket;
    }

    private static String label(int bucket, int[] edges) {
        if (bucket == 0) {
            return "<=" + edges[0];
        }
        if (bucket == edges.length) {
            return ">" + edges[edges.length - 1];
        }
        int min = edges[bucket - 1] + 1;
        return min == edges[bucket] ? Integer.toString(min) : min + "-" + edges[bucket];
    }

    private static int[] checkEdges(int[] upperEdges) {
        Objects.requireNonNull(upperEdges, "upperEdges");
        if (upperEdges.length == 0) {
            throw new IllegalArgumentException("give at least one bucket edge, e.g. 128, 256, 512");
        }
        for (int i = 0; i < upperEdges.length; i++) {
            if (upperEdges[i] < 0 || (i > 0 && upperEdges[i] <= upperEdges[i - 1])) {
                throw new IllegalArgumentException("bucket edges must be non-negative and strictly rising, got "
                        + Arrays.toString(upperEdges));
            }
        }
        return upperEdges.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LengthBucketAccuracy that && Arrays.equals(upperEdges, that.upperEdges)
                && buckets.equals(that.buckets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(upperEdges) + buckets.hashCode();
    }

    @Override
    public String toString() {
        return "LengthBucketAccuracy" + buckets;
    }
}
