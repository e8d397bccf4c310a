package dev.bertlab.run;

import java.util.List;

/**
 * A confusion matrix with its label names.
 *
 * @param counts {@code counts[gold][predicted]}
 */
public record ConfusionCounts(List<String> labels, int[][] counts) {
}
