package dev.bertlab.engine.data;

import java.util.Random;

/**
 * Fisher-Yates shuffle driven by {@link java.util.Random}, whose generator the Java Language Specification fixes,
 * so the same seed gives the same order on every machine and JDK ({@code Collections.shuffle} is free to change).
 */
final class SeededShuffle {

    private SeededShuffle() {
    }

    /** Shuffles in place: for i from n-1 down to 1, swap element i with element {@code random.nextInt(i + 1)}. */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * A generator for one independent stream (one split, say) of a user seed: nearby seeds and streams give
     * unrelated generators, unlike {@code new Random(seed + stream)}.
     */
    static Random stream(long seed, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
