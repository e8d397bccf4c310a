package dev.bertlab.engine.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real WordPiece tokenizer over a small lowercase vocabulary, for tests that need text in and a tiny model
 * behind it: the special tokens, punctuation, a few review words, the numbered words {@code t0} to {@code t99} (one
 * piece each, handy for counting windows), and the letters with their {@code ##} forms, so that any word encodes.
 */
public final class TinyTokenizer {

    private static final List<String> WORDS = List.of("the", "a", "was", "is", "not", "film", "movie", "good",
            "bad", "great", "awful", "plot", "actors", "story", "and", "but", "i", "it", "very", "boring", "fun");

    private TinyTokenizer() {
    }

    public static List<String> vocabulary() {
        List<String> tokens = new ArrayList<>(WordPieceTokenizerJson.SPECIAL_TOKENS);
        tokens.addAll(List.of(".", ",", "!", "?", "'"));
        tokens.addAll(WORDS);
        for (int i = 0; i < 100; i++) {
            tokens.add("t" + i);
        }
        for (char c = 'a'; c <= 'z'; c++) {
            tokens.add(String.valueOf(c));
            tokens.add("##" + c);
        }
        return tokens;
    }

    /** Writes vocab.txt and tokenizer.json into {@code directory}; returns the tokenizer.json. */
    public static Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path vocab = directory.resolve("vocab.txt");
        Files.write(vocab, vocabulary(), StandardCharsets.UTF_8);
        Path json = directory.resolve("tokenizer.json");
        WordPieceTokenizerJson.write(vocab, true, json);
        return json;
    }
}
