package dev.bertlab.engine.diagnose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds exact and near duplicates among many texts in about linear time. Exact duplicates share their normalised
 * text. Near duplicates are found with MinHash over word shingles and locality-sensitive hashing: a signature of
 * {@value #HASHES} minimum hashes is cut into {@value #BANDS} bands, texts that agree on a whole band become
 * candidates, and a candidate counts when the exact Jaccard similarity of the shingle sets reaches the threshold.
 * With 16 bands of 8 rows a pair at Jaccard 0.9 becomes a candidate with probability 0.9999, one at 0.5 with 0.06,
 * so almost only true pairs are verified.
 */
public final class NearDuplicateIndex {

    public static final double DEFAULT_THRESHOLD = 0.9;
    static final int BANDS = 16;
    static final int ROWS = 8;
    static final int HASHES = BANDS * ROWS;
    /** Band keys keep 40 bits next to a 24-bit text index, so one sorted long[] per band is the whole table. */
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** A bucket this crowded (boilerplate texts) is compared with its first members only, to stay linear. */
    private static final int MAX_BUCKET_COMPARISONS = 64;
    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] OFFSETS = new long[HASHES];

    static {
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = ShingledText.mix(2L * i + 1) | 1L; // odd: a bijection of the 64-bit space
            OFFSETS[i] = ShingledText.mix(~(long) i);
        }
    }

    /**
     * One duplicate.
     *
     * @param index the indexed text it duplicates
     * @param exact whether the normalised texts are equal
     * @param jaccard shingle similarity (1 for exact duplicates)
     */
    public record Match(int index, boolean exact, double jaccard) {
    }

    /**
     * Two indexed texts that duplicate each other.
     *
     * @param first the earlier text
     * @param second the later text
     * @param exact whether the normalised texts are equal
     * @param jaccard shingle similarity
     */
    public record Pair(int first, int second, boolean exact, double jaccard) {
    }

    private final List<String> texts;
    private final double threshold;
    private final Map<String, Integer> firstByNormalised = new HashMap<>();
    private final List<Pair> exactPairs = new ArrayList<>();
    /** Per band: (key << 24 | index), sorted; only the first text of each exact group is in here. */
    private final long[][] bands = new long[BANDS][];

    public NearDuplicateIndex(List<String> texts) {
        this(texts, DEFAULT_THRESHOLD);
    }

    public NearDuplicateIndex(List<String> texts, double threshold) {
        if (texts.size() > INDEX_MASK) {
            throw new IllegalArgumentException("at most " + INDEX_MASK + " texts, got " + texts.size());
        }
        this.texts = List.copyOf(texts);
        this.threshold = threshold;
        List<long[]> keys = new ArrayList<>();
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String normalised = ShingledText.normalise(texts.get(i));
            if (normalised.isEmpty()) {
                continue; // empty texts are the short-text check's business
            }
            Integer first = firstByNormalised.putIfAbsent(normalised, i);
            if (first != null) {
                exactPairs.add(new Pair(first, i, true, 1.0));
                continue;
            }
            keys.add(bandKeys(ShingledText.shingles(normalised)));
            members.add(i);
        }
        for (int b = 0; b < BANDS; b++) {
            long[] band = new long[members.size()];
            for (int m = 0; m < band.length; m++) {
                band[m] = (keys.get(m)[b] << INDEX_BITS) | members.get(m);
            }
            Arrays.sort(band);
            bands[b] = band;
        }
    }

    public int size() {
        return texts.size();
    }

    /** Every duplicate pair among the indexed texts: exact ones, then near ones, each pair once. */
    public List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>(exactPairs);
        Set<Long> compared = new HashSet<>();
        Map<Integer, long[]> shingles = new HashMap<>();
        for (long[] band : bands) {
            int start = 0;
            while (start < band.length) {
                int end = start + 1;
                while (end < band.length && key(band[end]) == key(band[start])) {
                    end++;
                }
                for (int i = start; i < Math.min(end, start + MAX_BUCKET_COMPARISONS); i++) {
                    for (int j = i + 1; j < end; j++) {
                        int a = (int) Math.min(index(band[i]), index(band[j]));
                        int b = (int) Math.max(index(band[i]), index(band[j]));
                        if (compared.add(((long) a << 32) | b)) {
                            double similarity = ShingledText.jaccard(shingles(shingles, a), shingles(shingles, b));
                            if (similarity >= threshold) {
                                pairs.add(new Pair(a, b, false, similarity));
                            }
                        }
                    }
                }
                start = end;
            }
        }
        return pairs;
    }

    /** An indexed text that {@code text} duplicates, exactly or nearly; exact matches are preferred. */
    public Optional<Match> match(String text) {
        String normalised = ShingledText.normalise(text);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        Integer exact = firstByNormalised.get(normalised);
        if (exact != null) {
            return Optional.of(new Match(exact, true, 1.0));
        }
        long[] shingles = ShingledText.shingles(normalised);
        long[] keys = bandKeys(shingles);
        Set<Integer> compared = new HashSet<>();
        Match best = null;
        for (int b = 0; b < BANDS; b++) {
            long[] band = bands[b];
            int at = lowerBound(band, keys[b] << INDEX_BITS);
            for (int i = at; i < band.length && key(band[i]) == keys[b]
                    && i < at + MAX_BUCKET_COMPARISONS; i++) {
                int candidate = (int) index(band[i]);
                if (compared.add(candidate)) {
                    double similarity = ShingledText.jaccard(shingles,
                            ShingledText.shingles(ShingledText.normalise(texts.get(candidate))));
                    if (similarity >= threshold && (best == null || similarity > best.jaccard())) {
                        best = new Match(candidate, false, similarity);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private long[] shingles(Map<Integer, long[]> cache, int index) {
        return cache.computeIfAbsent(index, i -> ShingledText.shingles(ShingledText.normalise(texts.get(i))));
    }

    /** One 40-bit key per band: a hash of the band's rows of the MinHash signature. */
    private static long[] bandKeys(long[] shingles) {
        long[] minimum = new long[HASHES];
        Arrays.fill(minimum, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int h = 0; h < HASHES; h++) {
                long value = MULTIPLIERS[h] * shingle + OFFSETS[h];
                if (value < minimum[h]) {
                    minimum[h] = value;
                }
            }
        }
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long key = b;
            for (int r = 0; r < ROWS; r++) {
                key = ShingledText.mix(key ^ minimum[b * ROWS + r]);
            }
            keys[b] = key >>> INDEX_BITS;
        }
        return keys;
    }

    private static long key(long packed) {
        return packed >>> INDEX_BITS;
    }

    private static long index(long packed) {
        return packed & INDEX_MASK;
    }

    /** First position whose value is at least {@code value}. */
    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
