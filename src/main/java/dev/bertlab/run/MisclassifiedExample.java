package dev.bertlab.run;

/**
 * A test example the model got wrong.
 *
 * @param id the example's id in its dataset
 * @param text its text (and its second text after " [SEP] ", for pairs)
 * @param gold the true label
 * @param predicted the model's label
 * @param confidence the probability the model gave its (wrong) label
 */
public record MisclassifiedExample(String id, String text, String gold, String predicted, double confidence) {
}
