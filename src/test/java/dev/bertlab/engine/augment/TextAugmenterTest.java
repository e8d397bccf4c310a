package dev.bertlab.engine.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextAugmenterTest {

    private static final WordNetLexicon WORDNET = WordNetLexicon.wordNet31();
    private static final String REVIEW = "The film was not good , but the actors made the long story bearable and "
            + "the music was beautiful .";

    private static List<String> sorted(String text) {
        List<String> words = new ArrayList<>(TextAugmenter.words(text));
        words.sort(null);
        return words;
    }

    @Test
    void deletionNeverEmptiesATextAndKeepsTheOrderOfWhatItKeeps() {
        for (String text : List.of("Great", "Awful film", "so very bad", REVIEW)) {
            for (int seed = 0; seed < 200; seed++) {
                String deleted = TextAugmenter.randomDeletion(text, 0.5, new Random(seed));
                assertThat(deleted).isNotBlank();
                List<String> kept = TextAugmenter.words(deleted);
                List<String> original = TextAugmenter.words(text);
                assertThat(kept.size()).isBetween(1, original.size());
                // a subsequence of the original
                int at = 0;
                for (String word : kept) {
                    while (at < original.size() && !original.get(at).equals(word)) {
                        at++;
                    }
                    assertThat(at).as("'%s' kept in order from '%s'", deleted, text).isLessThan(original.size());
                    at++;
                }
            }
        }
    }

    @Test
    void deletionNeverRemovesANegation() {
        for (int seed = 0; seed < 200; seed++) {
            String deleted = TextAugmenter.randomDeletion("This is not a good film and I don't like it", 0.5,
                    new Random(seed));
            assertThat(TextAugmenter.words(deleted)).contains("not", "don't");
        }
    }

    @Test
    void deletionRemovesAboutItsShareOfWords() {
        int words = TextAugmenter.words(REVIEW).size();
        long removed = 0;
        for (int seed = 0; seed < 500; seed++) {
            removed += words - TextAugmenter.words(TextAugmenter.randomDeletion(REVIEW, 0.2, new Random(seed))).size();
        }
        // 19 words besides "not": 19 x 0.2 = 3.8 expected per text
        assertThat(removed / 500.0).isBetween(3.5, 4.5);
    }

    @Test
    void swapKeepsTheMultisetOfWordsAndMovesSome() {
        int changed = 0;
        for (int seed = 0; seed < 100; seed++) {
            String swapped = TextAugmenter.randomSwap(REVIEW, 0.1, new Random(seed));
            assertThat(sorted(swapped)).isEqualTo(sorted(REVIEW));
            changed += swapped.equals(REVIEW) ? 0 : 1;
        }
        assertThat(changed).isGreaterThan(90); // a swap of two equal words ("the", "the") changes nothing
        assertThat(TextAugmenter.randomSwap("Alone", 0.5, new Random(1))).isEqualTo("Alone");
    }

    @Test
    void synonymsComeFromASynsetOfTheReplacedWordAndStopWordsStay() {
        TextAugmenter augmenter = new TextAugmenter(AugmentationMode.SYNONYMS, 0.2, WORDNET);
        List<String> original = TextAugmenter.words(REVIEW);
        int replacements = 0;
        for (int seed = 0; seed < 100; seed++) {
            String replaced = augmenter.synonymReplacement(REVIEW, new Random(seed));
            assertThat(replaced).isNotEqualTo(REVIEW);
            // multi-word synonyms add words: compare the part before the first change and count changes word-wise
            List<String> words = TextAugmenter.words(replaced);
            int i = 0;
            int j = 0;
            while (i < original.size()) {
                String before = original.get(i);
                if (j < words.size() && words.get(j).equals(before)) {
                    i++;
                    j++;
                    continue;
                }
                String core = TextAugmenter.core(before);
                assertThat(StopWords.isStopWord(core)).as("stop word '%s' replaced", core).isFalse();
                int at = j;
                String match = WORDNET.synonyms(core).stream()
                        .filter(s -> String.join(" ", words.subList(at, Math.min(words.size(),
                                at + s.split(" ").length))).equalsIgnoreCase(s))
                        .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
                assertThat(match).as("'%s' in '%s' replaced by a synonym", before, replaced).isNotNull();
                assertThat(WORDNET.synsetsOf(core)).anySatisfy(synset -> assertThat(synset.lemmas()).contains(match));
                replacements++;
                i++;
                j += match.split(" ").length;
            }
            assertThat(j).isEqualTo(words.size());
        }
        // 20 words x 0.2 = 4 replacements per text
        assertThat(replacements).isEqualTo(400);
    }

    @Test
    void aReplacedWordKeepsItsCaseAndPunctuation() {
        TextAugmenter augmenter = new TextAugmenter(AugmentationMode.SYNONYMS, 0.5, WORDNET);
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < 300; seed++) {
            seen.add(augmenter.synonymReplacement("Film,", new Random(seed)));
            String upper = augmenter.synonymReplacement("FILM", new Random(seed));
            assertThat(upper).isUpperCase();
        }
        assertThat(seen).contains("Movie,", "Flick,").allSatisfy(text -> {
            assertThat(text).endsWith(",");
            assertThat(Character.isUpperCase(text.charAt(0))).isTrue();
            String core = text.substring(0, text.length() - 1);
            assertThat(WORDNET.synonyms("film")).contains(core.substring(0, 1).toLowerCase() + core.substring(1));
        });
    }

    @Test
    void aTextWithoutReplaceableWordsIsUnchanged() {
        TextAugmenter augmenter = new TextAugmenter(AugmentationMode.SYNONYMS, 0.5, WORDNET);
        assertThat(augmenter.synonymReplacement("it was the", new Random(3))).isEqualTo("it was the");
    }

    @Test
    void sameSeedSameCopiesOtherSeedOtherCopies() {
        TextAugmenter one = new TextAugmenter(AugmentationMode.EDA, 0.2, WORDNET);
        TextAugmenter other = TextAugmenter.of(AugmentationMode.EDA, 0.2);
        List<String> first = one.copies(REVIEW, 6, 42);
        assertThat(other.copies(REVIEW, 6, 42)).isEqualTo(first);
        assertThat(one.copies(REVIEW, 3, 42)).isEqualTo(first.subList(0, 3));
        assertThat(one.copies(REVIEW, 6, 43)).isNotEqualTo(first);
        assertThat(new HashSet<>(first)).hasSizeGreaterThan(3);
    }

    @Test
    void strengthZeroIsTheIdentity() {
        String spaced = "  Odd   spacing, kept\tas it is ";
        for (AugmentationMode mode : AugmentationMode.values()) {
            TextAugmenter augmenter = new TextAugmenter(mode, 0.0, WORDNET);
            assertThat(augmenter.copies(REVIEW, 4, 7)).containsOnly(REVIEW);
            assertThat(augmenter.copies(spaced, 2, 7)).containsOnly(spaced);
        }
    }

    @Test
    void badStrengthsAreRefusedWithTheirRange() {
        for (double bad : new double[] {-0.1, 0.51, 1.0, Double.NaN}) {
            assertThatThrownBy(() -> new TextAugmenter(AugmentationMode.SWAP, bad, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be 0 to 0.5").hasMessageContaining("got " + bad);
            assertThatThrownBy(() -> TextAugmenter.randomDeletion("a b", bad, new Random(1)))
                    .hasMessageContaining("must be 0 to 0.5");
        }
        assertThatThrownBy(() -> new TextAugmenter(AugmentationMode.EDA, 0.1, null))
                .hasMessageContaining("needs a lexicon");
    }
}
