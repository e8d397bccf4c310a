package dev.bertlab.engine.model;

/**
 * Dropout probabilities of a fine-tuning run. BERT's defaults are 0.1 everywhere; raising them (0.3 is the
 * usual first remedy for overfitting) regularises a small dataset.
 *
 * @param hidden after embeddings, attention output and feed-forward output
 * @param attention on the attention probabilities
 * @param classifier on the pooled [CLS] vector before the classification head
 */
public record DropoutRates(float hidden, float attention, float classifier) {

    public static final DropoutRates BERT_DEFAULT = new DropoutRates(0.1f, 0.1f, 0.1f);
    public static final DropoutRates NONE = new DropoutRates(0f, 0f, 0f);

    public DropoutRates {
        check("hidden", hidden);
        check("attention", attention);
        check("classifier", classifier);
    }

    private static void check(String name, float rate) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException(name + " dropout must be in [0, 1), got " + rate);
        }
    }
}
