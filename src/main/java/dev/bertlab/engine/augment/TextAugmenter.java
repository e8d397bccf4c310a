package dev.bertlab.engine.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Easy Data Augmentation (Wei and Zou 2019) on one text: random deletion, random swap and WordNet synonym
 * replacement. Words are the text's whitespace-separated parts; punctuation around a word stays with it, and a
 * replaced word keeps the original's case ("Film," becomes "Movie,"). Same text and seed, same output, on every
 * machine ({@link Random} is specified to the bit).
 *
 * <p>Strength (alpha) is the share of words an operation touches: deletion drops each word with that probability;
 * swap and synonym replacement change max(1, round(alpha x words)) words. Strength 0 returns the text unchanged.
 */
public final class TextAugmenter {

    /** Strongest useful setting: past it the copies stop resembling their originals (EDA uses 0.05 to 0.3). */
    public static final double MAX_STRENGTH = 0.5;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("^([^\\p{L}\\p{N}]*)(.*?)([^\\p{L}\\p{N}]*)$",
            Pattern.DOTALL);

    private final AugmentationMode mode;
    private final double strength;
    private final WordNetLexicon lexicon;

    /**
     * @param lexicon the synonyms; required when {@code mode} uses them, else may be null
     */
    public TextAugmenter(AugmentationMode mode, double strength, WordNetLexicon lexicon) {
        checkStrength(strength);
        if (mode.usesLexicon() && lexicon == null) {
            throw new IllegalArgumentException("augmentation " + mode + " replaces synonyms and needs a lexicon");
        }
        this.mode = mode;
        this.strength = strength;
        this.lexicon = lexicon;
    }

    /** An augmenter that loads WordNet only when the mode uses synonyms. */
    public static TextAugmenter of(AugmentationMode mode, double strength) {
        return new TextAugmenter(mode, strength, mode.usesLexicon() ? WordNetLexicon.wordNet31() : null);
    }

    public AugmentationMode mode() {
        return mode;
    }

    public double strength() {
        return strength;
    }

    /**
     * {@code count} augmented copies of a text; copy k depends only on (text, seed, k), so adding copies keeps the
     * earlier ones.
     */
    public List<String> copies(String text, int count, long seed) {
        List<String> copies = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            copies.add(augment(text, new Random(mix(seed, k))));
        }
        return copies;
    }

    /** One augmented copy: the mode's operation (EDA picks one of the three at random). */
    public String augment(String text, Random random) {
        return switch (mode) {
            case NONE -> text;
            case SYNONYMS -> synonymReplacement(text, random);
            case SWAP -> randomSwap(text, strength, random);
            case DELETION -> randomDeletion(text, strength, random);
            case EDA -> switch (random.nextInt(3)) {
                case 0 -> synonymReplacement(text, random);
                case 1 -> randomSwap(text, strength, random);
                default -> randomDeletion(text, strength, random);
            };
        };
    }

    /**
     * Drops each word with probability {@code strength}, never a negation; never leaves the text empty (if every
     * word would go, one word chosen at random stays).
     */
    public static String randomDeletion(String text, double strength, Random random) {
        checkStrength(strength);
        List<String> words = words(text);
        if (strength == 0 || words.isEmpty()) {
            return text;
        }
        List<String> kept = new ArrayList<>(words.size());
        for (String word : words) {
            if (StopWords.isNegation(core(word)) || random.nextDouble() >= strength) {
                kept.add(word);
            }
        }
        if (kept.isEmpty()) {
            kept.add(words.get(random.nextInt(words.size())));
        }
        return String.join(" ", kept);
    }

    /** Swaps two words at random positions max(1, round(strength x words)) times; the words stay the same. */
    public static String randomSwap(String text, double strength, Random random) {
        checkStrength(strength);
        List<String> words = words(text);
        if (strength == 0 || words.size() < 2) {
            return text;
        }
        String[] swapped = words.toArray(String[]::new);
        for (int n = changes(strength, words.size()); n > 0; n--) {
            int i = random.nextInt(swapped.length);
            int j = random.nextInt(swapped.length - 1);
            if (j >= i) {
                j++;
            }
            String held = swapped[i];
            swapped[i] = swapped[j];
            swapped[j] = held;
        }
        return String.join(" ", Arrays.asList(swapped));
    }

    /**
     * Replaces max(1, round(strength x words)) words, each by a lemma of one of its WordNet synsets; stop words and
     * words WordNet does not know are left alone. A text without a replaceable word comes back unchanged.
     */
    public String synonymReplacement(String text, Random random) {
        if (lexicon == null) {
            throw new IllegalStateException("synonym replacement needs a lexicon");
        }
        List<String> words = words(text);
        if (strength == 0 || words.isEmpty()) {
            return text;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String core = core(words.get(i));
            if (!core.isEmpty() && !StopWords.isStopWord(core) && !lexicon.synonyms(core).isEmpty()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        Collections.shuffle(candidates, random);
        String[] replaced = words.toArray(String[]::new);
        int n = Math.min(candidates.size(), changes(strength, words.size()));
        for (int c = 0; c < n; c++) {
            int i = candidates.get(c);
            Matcher parts = parts(replaced[i]);
            List<String> synonyms = lexicon.synonyms(parts.group(2));
            String synonym = synonyms.get(random.nextInt(synonyms.size()));
            replaced[i] = parts.group(1) + matchCase(parts.group(2), synonym) + parts.group(3);
        }
        return String.join(" ", Arrays.asList(replaced));
    }

    /** The text's words: its whitespace-separated parts, punctuation included. */
    static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(WHITESPACE.split(stripped));
    }

    /** A word without the punctuation around it: "(film)," gives "film". */
    static String core(String word) {
        return parts(word).group(2);
    }

    private static Matcher parts(String word) {
        Matcher matcher = WORD.matcher(word);
        if (!matcher.matches()) {
            throw new IllegalStateException("unreachable: the word pattern matches every string");
        }
        return matcher;
    }

    /** The synonym in the original's case: all capitals, a capital first letter, or as WordNet has it. */
    static String matchCase(String original, String synonym) {
        boolean anyLetter = false;
        boolean allUpper = true;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                anyLetter = true;
                allUpper &= Character.isUpperCase(c);
            }
        }
        if (anyLetter && allUpper && original.length() > 1) {
            return synonym.toUpperCase(Locale.ROOT);
        }
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(synonym.charAt(0)) + synonym.substring(1);
        }
        return synonym;
    }

    private static int changes(double strength, int words) {
        return Math.max(1, (int) Math.round(strength * words));
    }

    private static void checkStrength(double strength) {
        if (!(strength >= 0 && strength <= MAX_STRENGTH)) {
            throw new IllegalArgumentException("augmentation strength must be 0 to " + MAX_STRENGTH
                    + " (the share of words each operation touches; EDA uses 0.1), got " + strength);
        }
    }

    /** SplitMix64 of a seed and a counter: independent streams for independent copies. */
    static long mix(long seed, long counter) {
        long z = seed + counter * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
