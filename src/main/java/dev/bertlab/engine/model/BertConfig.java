package dev.bertlab.engine.model;

/**
 * The architecture of a BERT encoder: what a checkpoint's shapes and config.json fix. Dropout and the task head
 * are chosen per fine-tuning run and live elsewhere ({@link DropoutRates}, {@link TaskHead}).
 *
 * @param vocabSize rows of the word-embedding table
 * @param hiddenSize width of every token vector (768 for BERT-base, 384 for MiniLM-L6)
 * @param numLayers number of transformer layers
 * @param numHeads attention heads per layer; hiddenSize must divide evenly between them
 * @param intermediateSize width of the feed-forward layer (4 x hidden for BERT)
 * @param maxPositions longest sequence the position table covers (512)
 * @param typeVocabSize segment ids (2: sentence A and B)
 * @param layerNormEps epsilon of every LayerNorm (1e-12 in Google's BERT)
 */
public record BertConfig(int vocabSize, int hiddenSize, int numLayers, int numHeads, int intermediateSize,
        int maxPositions, int typeVocabSize, float layerNormEps) {

    public BertConfig {
        require(vocabSize > 0, "vocabSize must be positive");
        require(hiddenSize > 0, "hiddenSize must be positive");
        require(numLayers > 0, "numLayers must be positive");
        require(numHeads > 0 && hiddenSize % numHeads == 0,
                "hiddenSize " + hiddenSize + " must divide evenly into " + numHeads + " heads");
        require(intermediateSize > 0, "intermediateSize must be positive");
        require(maxPositions > 0, "maxPositions must be positive");
        require(typeVocabSize > 0, "typeVocabSize must be positive");
        require(layerNormEps > 0, "layerNormEps must be positive");
    }

    public int headSize() {
        return hiddenSize / numHeads;
    }

    /** A tiny random BERT for tests: 2 layers, hidden 32. */
    public static BertConfig tiny(int vocabSize) {
        return new BertConfig(vocabSize, 32, 2, 4, 64, 512, 2, 1e-12f);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
