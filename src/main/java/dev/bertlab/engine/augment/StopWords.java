package dev.bertlab.engine.augment;

import java.util.Locale;
import java.util.Set;

/**
 * English stop words (the list Easy Data Augmentation uses, after NLTK's): synonym replacement leaves them alone,
 * since their WordNet "synonyms" ("a" and "angstrom", "it" and "information technology") are nonsense. Negations
 * are kept apart: deleting "not" from "not good" turns the label around, so random deletion never removes one.
 */
public final class StopWords {

    private static final Set<String> STOP_WORDS = Set.of("i", "me", "my", "myself", "we", "our", "ours",
            "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she",
            "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what",
            "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been",
            "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but",
            "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against",
            "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down",
            "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
            "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no",
            "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
            "should", "now", "");

    private static final Set<String> NEGATIONS = Set.of("no", "not", "nor", "never", "none", "nothing", "nobody",
            "neither", "nowhere", "without", "cannot", "hardly", "barely");

    private StopWords() {
    }

    /** Whether synonym replacement should leave {@code word} (any case) alone. */
    public static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code word} negates ("not", "never", and every "-n't" contraction). */
    public static boolean isNegation(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return NEGATIONS.contains(lower) || lower.endsWith("n't");
    }
}
