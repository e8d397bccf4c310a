package dev.bertlab.engine.significance;

/** Percentiles of a sample, as numpy's default {@code percentile(method="linear")}. */
final class Percentile {

    private Percentile() {
    }

    /**
     * The {@code fraction} quantile (0.025 for the 2.5th percentile) of {@code sorted}, which must be in ascending
     * order: the value at rank {@code fraction * (n - 1)}, interpolated linearly between its two neighbours.
     */
    static double of(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("percentile fraction must be in [0, 1], got " + fraction);
        }
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = rank - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }
}
