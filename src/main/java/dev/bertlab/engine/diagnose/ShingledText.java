package dev.bertlab.engine.diagnose;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text as the duplicate checks compare it: lowercased, accents, markup and punctuation removed, whitespace
 * collapsed, then cut into overlapping word shingles ("the movie was", "movie was great") hashed to 64 bits.
 */
final class ShingledText {

    /** Words per shingle: three keeps a reworded sentence apart and a copy with a typo close. */
    static final int SHINGLE_WORDS = 3;

    private static final Pattern MARKUP = Pattern.compile("<[^>]{0,40}>");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ShingledText() {
    }

    /** The comparable form: "Great movie!<br />A+" and "great movie a" are the same text. */
    static String normalise(String text) {
        String plain = MARKUP.matcher(text).replaceAll(" ");
        plain = ACCENTS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The distinct shingle hashes of a normalised text, sorted; a text shorter than a shingle is one shingle. */
    static long[] shingles(String normalised) {
        if (normalised.isEmpty()) {
            return new long[0];
        }
        String[] words = normalised.split(" ");
        int count = Math.max(1, words.length - SHINGLE_WORDS + 1);
        long[] hashes = new long[count];
        for (int start = 0; start < count; start++) {
            long hash = 0x9E3779B97F4A7C15L;
            for (int w = start; w < Math.min(words.length, start + SHINGLE_WORDS); w++) {
                hash = mix(hash ^ words[w].hashCode());
            }
            hashes[start] = hash;
        }
        Arrays.sort(hashes);
        return Arrays.stream(hashes).distinct().toArray();
    }

    /** |A n B| / |A u B| of two sorted, distinct shingle sets. */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
