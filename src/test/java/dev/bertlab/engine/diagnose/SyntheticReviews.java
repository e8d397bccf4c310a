package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.tokenize.WordPieceTokenizerJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random "reviews" over a vocabulary of {@value #WORDS} made-up words, which a tiny WordPiece tokenizer
 * knows: random texts share almost no word shingles, so every duplicate in a test is one the test planted.
 */
final class SyntheticReviews {

    static final int WORDS = 2000;

    private final Random random;

    SyntheticReviews(long seed) {
        this.random = new Random(seed);
    }

    static String word(int index) {
        return "w" + index;
    }

    String text(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word(random.nextInt(WORDS)));
        }
        return text.toString();
    }

    List<Example> examples(String prefix, int count, int words, int numLabels) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            examples.add(Example.classified(prefix + "-" + i, text(words), null, i % numLabels));
        }
        return examples;
    }

    static LabeledDataset dataset(List<Example> train, List<Example> validation, List<Example> test) {
        Map<Split, List<Example>> splits = new EnumMap<>(Split.class);
        splits.put(Split.TRAIN, train);
        splits.put(Split.VALIDATION, validation);
        splits.put(Split.TEST, test);
        return LabeledDataset.of("synthetic", "Synthetic reviews", TaskType.SINGLE_LABEL_CLASSIFICATION,
                List.of("negative", "positive"), "test", splits);
    }

    /** A healthy dataset: balanced, distinct, 20-word texts. */
    static LabeledDataset healthy(long seed) {
        SyntheticReviews reviews = new SyntheticReviews(seed);
        return dataset(reviews.examples("train", 200, 20, 2), reviews.examples("validation", 50, 20, 2),
                reviews.examples("test", 50, 20, 2));
    }

    /** A WordPiece tokenizer whose vocabulary is the special tokens and every made-up word. */
    static TextEncoder encoder(Path directory, int maxLength) throws IOException {
        List<String> vocabulary = new ArrayList<>(WordPieceTokenizerJson.SPECIAL_TOKENS);
        for (int i = 0; i < WORDS; i++) {
            vocabulary.add(word(i));
        }
        Path vocab = directory.resolve("vocab.txt");
        Files.write(vocab, vocabulary);
        Path json = directory.resolve("tokenizer.json");
        WordPieceTokenizerJson.write(vocab, true, json);
        return TextEncoder.open(json, maxLength, Truncation.HEAD);
    }
}
