package dev.bertlab.engine.augment;

import dev.bertlab.engine.data.Example;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grows a training split with augmented copies: every original, then its copies, with the original's label and an
 * id {@code <id>~aug<k>}. Copy k of an example depends on the run's seed, the example's id and k alone, so a split's
 * copies are the same on every machine and in every order. Validation and test splits are never augmented: their
 * scores must stay comparable between runs with and without augmentation.
 *
 * @param augmenter the operation and its strength
 * @param copies augmented copies per original
 * @param seed the run's seed
 */
public record TrainingAugmentation(TextAugmenter augmenter, int copies, long seed) {

    /** Most copies per example: beyond it training time grows with no reported gain (EDA's largest setting is 16). */
    public static final int MAX_COPIES = 16;

    /** What augmentation did to a split. */
    public record Result(List<Example> examples, int originals, int augmented) {

        public Result {
            examples = List.copyOf(examples);
        }
    }

    public TrainingAugmentation {
        if (copies < 1 || copies > MAX_COPIES) {
            throw new IllegalArgumentException("augmented copies must be 1 to " + MAX_COPIES + ", got " + copies);
        }
    }

    /** The originals followed, each, by their copies; a text pair's second text is augmented too. */
    public Result apply(List<Example> originals) {
        List<Example> all = new ArrayList<>(originals.size() * (copies + 1));
        int augmented = 0;
        for (Example example : originals) {
            all.add(example);
            long exampleSeed = TextAugmenter.mix(seed, idHash(example.id()));
            List<String> texts = augmenter.copies(example.text(), copies, exampleSeed);
            List<String> pairs = example.textPair() == null ? null
                    : augmenter.copies(example.textPair(), copies, TextAugmenter.mix(exampleSeed, -1));
            for (int k = 0; k < copies; k++) {
                all.add(new Example(example.id() + "~aug" + (k + 1), texts.get(k),
                        pairs == null ? null : pairs.get(k), example.label(), example.target()));
                augmented++;
            }
        }
        return new Result(all, originals.size(), augmented);
    }

    /** For logs: "EDA, strength 0.1, 2 copies per example". */
    public String describe() {
        return String.format(Locale.ROOT, "%s, strength %s, %d cop%s per example", augmenter.mode(),
                augmenter.strength(), copies, copies == 1 ? "y" : "ies");
    }

    /** A 64-bit FNV-1a hash of the id's UTF-8 bytes: the same on every JVM and Java release. */
    private static long idHash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
