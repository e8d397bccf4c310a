package dev.bertlab.dataset;

import java.util.Arrays;

/**
 * Token counts of a sample of texts under one tokenizer, [CLS] and [SEP] included (what {@code max_length}
 * counts), so the share a given max length would truncate can be read off for any length without tokenizing again.
 *
 * @param model the tokenizer's base model
 * @param lengths token count per sampled text, sorted ascending
 * @param population texts in the split the sample was drawn from
 */
public record TokenLengths(String model, int[] lengths, int population) {

    public TokenLengths {
        lengths = lengths.clone();
        Arrays.sort(lengths);
    }

    public int sampled() {
        return lengths.length;
    }

    /** Share of the sampled texts longer than {@code maxLength} tokens. */
    public double shareTruncatedAt(int maxLength) {
        if (lengths.length == 0) {
            return 0;
        }
        int firstLonger = upperBound(maxLength);
        return (double) (lengths.length - firstLonger) / lengths.length;
    }

    /** The length below which {@code fraction} of the texts lie (nearest rank). */
    public int percentile(double fraction) {
        if (lengths.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * lengths.length);
        return lengths[Math.max(0, Math.min(lengths.length - 1, rank - 1))];
    }

    public int longest() {
        return lengths.length == 0 ? 0 : lengths[lengths.length - 1];
    }

    /** Texts per bin of {@code binWidth} tokens: bin i holds lengths in [i * width, (i + 1) * width). */
    public int[] histogram(int binWidth) {
        int[] bins = new int[longest() / binWidth + 1];
        for (int length : lengths) {
            bins[length / binWidth]++;
        }
        return bins;
    }

    private int upperBound(int value) {
        int low = 0;
        int high = lengths.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (lengths[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
