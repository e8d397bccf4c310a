package dev.bertlab.dataset;

import dev.bertlab.engine.data.DatasetInfo;

/**
 * What the datasets page draws for one dataset.
 *
 * @param info the dataset (materialized by now)
 * @param labels the label distribution per split
 * @param tokenLengths token lengths of a sample of train
 */
public record DatasetAnalysis(DatasetInfo info, LabelDistribution labels, TokenLengths tokenLengths) {
}
