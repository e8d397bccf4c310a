package dev.bertlab.engine.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Turns texts into BERT inputs: WordPiece through DJL's Hugging Face tokenizers, then this project's truncation
 * ({@link Truncation}) and the [CLS] A [SEP] (B [SEP]) template. The tokenizer itself neither truncates nor
 * pads, so that the strategy and dynamic padding stay in one place.
 */
public final class TextEncoder implements AutoCloseable {

    /** Tokenizing in chunks keeps memory flat on 25,000 reviews and lets callers show progress. */
    private static final int CHUNK = 512;

    private final HuggingFaceTokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final int maxLength;
    private final Truncation truncation;

    private TextEncoder(HuggingFaceTokenizer tokenizer, Vocabulary vocabulary, int maxLength,
            Truncation truncation) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        this.truncation = truncation;
    }

    /**
     * @param tokenizerJson a tokenizer.json with a WordPiece model
     * @param maxLength tokens per input including special tokens, at most {@code maxPositions}
     */
    public static TextEncoder open(Path tokenizerJson, int maxLength, Truncation truncation) throws IOException {
        if (maxLength < 8 || maxLength > 512) {
            throw new IllegalArgumentException("max length must be between 8 and 512 tokens, got " + maxLength);
        }
        Vocabulary vocabulary = Vocabulary.read(tokenizerJson);
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokenizerJson)
                .optAddSpecialTokens(false)
                .optTruncation(false)
                .optPadding(false)
                .build();
        return new TextEncoder(tokenizer, vocabulary, maxLength, truncation);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public int maxLength() {
        return maxLength;
    }

    public Truncation truncation() {
        return truncation;
    }

    /** A copy that encodes to another length or strategy, sharing the tokenizer (do not close the copy twice). */
    public TextEncoder withLimits(int newMaxLength, Truncation newTruncation) {
        return new TextEncoder(tokenizer, vocabulary, newMaxLength, newTruncation);
    }

    public EncodedText encode(String text, String textPair) {
        int[] first = wordPieces(tokenizer.encode(text, false, false));
        int[] second = textPair == null ? null : wordPieces(tokenizer.encode(textPair, false, false));
        return assemble(first, second);
    }

    /** A text's word pieces, without special tokens and without truncation. */
    public int[] wordPieces(String text) {
        return wordPieces(tokenizer.encode(text, false, false));
    }

    /**
     * [CLS] + {@code count} word pieces from {@code from} + [SEP]: one window of a long text (test-time
     * augmentation reads a long text through several). Its full length is the whole text's.
     */
    public EncodedText window(int[] pieces, int from, int count) {
        if (from < 0 || count < 0 || from + count > pieces.length || count > maxLength - 2) {
            throw new IllegalArgumentException("window [" + from + ", " + (from + count) + ") does not fit "
                    + pieces.length + " pieces in " + maxLength + " tokens");
        }
        int[] ids = new int[count + 2];
        ids[0] = vocabulary.clsId();
        System.arraycopy(pieces, from, ids, 1, count);
        ids[ids.length - 1] = vocabulary.sepId();
        return new EncodedText(ids, new int[ids.length], pieces.length + 2, countUnknown(pieces));
    }

    /** Encodes many texts; {@code progress} receives the number done so far after each chunk. */
    public List<EncodedText> encodeAll(List<String> texts, List<String> textPairs, IntConsumer progress) {
        List<EncodedText> encoded = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += CHUNK) {
            int end = Math.min(texts.size(), start + CHUNK);
            Encoding[] firsts = tokenizer.batchEncode(texts.subList(start, end));
            Encoding[] seconds = textPairs == null ? null : tokenizer.batchEncode(textPairs.subList(start, end));
            for (int i = 0; i < firsts.length; i++) {
                encoded.add(assemble(wordPieces(firsts[i]), seconds == null ? null : wordPieces(seconds[i])));
            }
            progress.accept(end);
        }
        return encoded;
    }

    /** The tokens of a text as strings, for display and fill-mask. */
    public List<String> tokens(EncodedText encoded) {
        List<String> tokens = new ArrayList<>(encoded.length());
        for (int id : encoded.ids()) {
            tokens.add(vocabulary.token(id));
        }
        return tokens;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static int[] wordPieces(Encoding encoding) {
        long[] ids = encoding.getIds();
        int[] pieces = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            pieces[i] = (int) ids[i];
        }
        return pieces;
    }

    private EncodedText assemble(int[] first, int[] second) {
        int unknown = countUnknown(first) + (second == null ? 0 : countUnknown(second));
        if (second == null) {
            int[] kept = truncation.apply(first, maxLength - 2);
            int[] ids = new int[kept.length + 2];
            ids[0] = vocabulary.clsId();
            System.arraycopy(kept, 0, ids, 1, kept.length);
            ids[ids.length - 1] = vocabulary.sepId();
            return new EncodedText(ids, new int[ids.length], first.length + 2, unknown);
        }
        // longest first, as in Hugging Face: shorten whichever part is longer until both fit
        int budget = maxLength - 3;
        int firstBudget = first.length;
        int secondBudget = second.length;
        while (firstBudget + secondBudget > budget) {
            if (firstBudget >= secondBudget) {
                firstBudget--;
            } else {
                secondBudget--;
            }
        }
        int[] a = truncation.apply(first, firstBudget);
        int[] b = truncation.apply(second, secondBudget);
        int[] ids = new int[a.length + b.length + 3];
        int[] types = new int[ids.length];
        ids[0] = vocabulary.clsId();
        System.arraycopy(a, 0, ids, 1, a.length);
        ids[a.length + 1] = vocabulary.sepId();
        System.arraycopy(b, 0, ids, a.length + 2, b.length);
        ids[ids.length - 1] = vocabulary.sepId();
        for (int i = a.length + 2; i < ids.length; i++) {
            types[i] = 1;
        }
        return new EncodedText(ids, types, first.length + second.length + 3, unknown);
    }

    private int countUnknown(int[] pieces) {
        int unk = vocabulary.unkId();
        int count = 0;
        for (int piece : pieces) {
            if (piece == unk) {
                count++;
            }
        }
        return count;
    }
}
