package dev.bertlab.engine.tokenize;

/**
 * One text (or text pair) as model input, without padding: padding is added per batch.
 *
 * @param ids token ids including [CLS] and [SEP]
 * @param typeIds segment ids (0 for the first text, 1 for the second)
 * @param fullLength the length the input would have had without truncation, special tokens included
 * @param unknownTokens [UNK] tokens among the text's tokens before truncation
 */
public record EncodedText(int[] ids, int[] typeIds, int fullLength, int unknownTokens) {

    public int length() {
        return ids.length;
    }

    public boolean truncated() {
        return fullLength > ids.length;
    }

    public int tokensLost() {
        return fullLength - ids.length;
    }
}
