package dev.bertlab.engine.model;

/**
 * What sits on top of the encoder and therefore what {@link BertModel#forward} returns.
 *
 * @param kind the head
 * @param numLabels classes for classification, 1 for regression, 0 otherwise
 */
public record TaskHead(Kind kind, int numLabels) {

    public enum Kind {
        /** No head: the last hidden state [B, S, H]. */
        ENCODER,
        /** Tanh pooler on [CLS], dropout, linear: logits [B, numLabels]. */
        SEQUENCE_CLASSIFICATION,
        /** Same as classification with one output trained with MSE: [B, 1]. */
        REGRESSION,
        /** Google's masked-LM head (decoder tied to the word embeddings): logits [B, S, V]. */
        MASKED_LM
    }

    public TaskHead {
        if (kind == Kind.SEQUENCE_CLASSIFICATION && numLabels < 2) {
            throw new IllegalArgumentException("classification needs at least 2 labels, got " + numLabels);
        }
        if (kind == Kind.REGRESSION && numLabels != 1) {
            throw new IllegalArgumentException("regression has exactly 1 output, got " + numLabels);
        }
    }

    public static TaskHead classification(int numLabels) {
        return new TaskHead(Kind.SEQUENCE_CLASSIFICATION, numLabels);
    }

    public static TaskHead regression() {
        return new TaskHead(Kind.REGRESSION, 1);
    }

    public static TaskHead maskedLm() {
        return new TaskHead(Kind.MASKED_LM, 0);
    }

    public static TaskHead encoder() {
        return new TaskHead(Kind.ENCODER, 0);
    }

    public boolean hasPooler() {
        return kind == Kind.SEQUENCE_CLASSIFICATION || kind == Kind.REGRESSION;
    }
}
