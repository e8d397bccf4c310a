package dev.bertlab.engine.tokenize;

import java.util.Arrays;
import java.util.List;

/**
 * How a split fares under a max length: the numbers that tell whether truncation hides most of a review.
 *
 * @param examples inputs counted
 * @param p50 median full length in tokens (special tokens included, before truncation)
 * @param p90 90th percentile of the full length
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max longest input
 * @param truncatedShare share of inputs longer than the max length
 * @param tokensLost tokens cut off in all
 * @param tokensLostShare tokens cut off as a share of all tokens
 * @param unknownRate [UNK] tokens as a share of all text tokens
 */
public record TokenStats(int examples, int p50, int p90, int p95, int p99, int max, double truncatedShare,
        long tokensLost, double tokensLostShare, double unknownRate) {

    public static TokenStats of(List<EncodedText> encoded) {
        if (encoded.isEmpty()) {
            return new TokenStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        int[] lengths = encoded.stream().mapToInt(EncodedText::fullLength).sorted().toArray();
        long total = Arrays.stream(lengths).asLongStream().sum();
        long lost = encoded.stream().mapToLong(EncodedText::tokensLost).sum();
        long truncated = encoded.stream().filter(EncodedText::truncated).count();
        long unknown = encoded.stream().mapToLong(EncodedText::unknownTokens).sum();
        return new TokenStats(lengths.length, percentile(lengths, 50), percentile(lengths, 90),
                percentile(lengths, 95), percentile(lengths, 99), lengths[lengths.length - 1],
                (double) truncated / lengths.length, lost, (double) lost / total, (double) unknown / total);
    }

    /** Nearest-rank percentile. */
    private static int percentile(int[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%d inputs, length p50 %d / p90 %d / p95 %d / p99 %d / max %d, truncated %.1f%%, "
                        + "tokens lost %d (%.1f%%), [UNK] %.3f%%",
                examples, p50, p90, p95, p99, max, 100 * truncatedShare, tokensLost, 100 * tokensLostShare,
                100 * unknownRate);
    }
}
