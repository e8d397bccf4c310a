package dev.bertlab.engine.data;

import dev.bertlab.engine.data.npm.NpmPackageFetcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetCatalogTest {

    @TempDir
    Path dataDir;

    /** A catalog whose npm is never run: these tests store and read imported datasets only. */
    private DatasetCatalog catalog() {
        return new DatasetCatalog(dataDir, new NpmPackageFetcher(dataDir.resolve("cache/npm"),
                "npm-must-not-run", Duration.ofSeconds(1)));
    }

    private static LabeledDataset toy(String name) {
        return LabeledDataset.of(name, "Toy " + name, TaskType.SINGLE_LABEL_CLASSIFICATION, List.of("neg", "pos"),
                "hand-made", Map.of(
                        Split.TRAIN, List.of(Example.classified("t1", "good\nline two", "a \"pair\"", 1),
                                Example.classified("t2", "bad ☹", null, 0)),
                        Split.VALIDATION, List.of(Example.classified("v1", "ok", null, 1)),
                        Split.TEST, List.of(Example.classified("x1", "meh", null, 0))));
    }

    @Test
    void storedDatasetReadsBackIdentical() {
        DatasetCatalog catalog = catalog();
        LabeledDataset dataset = toy("toy");
        catalog.add(dataset);

        LabeledDataset loaded = catalog.load("toy");
        assertThat(loaded).isEqualTo(dataset);
        assertThat(dataDir.resolve("datasets/toy")).isDirectoryContaining("glob:**/dataset.json")
                .isDirectoryContaining("glob:**/train.jsonl").isDirectoryContaining("glob:**/validation.jsonl")
                .isDirectoryContaining("glob:**/test.jsonl");
        assertThat(loaded.info().hasTextPair()).isTrue();
        assertThat(loaded.info().counts()).containsEntry(Split.TRAIN, 2).containsEntry(Split.TEST, 1);
    }

    @Test
    void regressionRoundTrip() {
        DatasetCatalog catalog = catalog();
        LabeledDataset dataset = LabeledDataset.of("reg", "Reg", TaskType.REGRESSION, List.of(), "hand-made",
                Map.of(Split.TRAIN, List.of(Example.regression("r1", "x", null, 0.1),
                        Example.regression("r2", "y", null, -1e-300))));
        catalog.add(dataset);
        assertThat(catalog.load("reg")).isEqualTo(dataset);
    }

    @Test
    void listsBuiltinsUnmaterializedThenImportedOnes() {
        DatasetCatalog catalog = catalog();
        catalog.add(toy("zeta"));
        catalog.add(toy("alpha"));

        List<DatasetInfo> infos = catalog.list();
        assertThat(infos).extracting(DatasetInfo::name).containsExactly("imdb", "amazon", "alpha", "zeta");
        assertThat(infos.get(0).materialized()).isFalse();
        assertThat(infos.get(0).counts()).containsEntry(Split.TRAIN, 20_000);
        assertThat(infos.get(2).materialized()).isTrue();
        assertThat(catalog.exists("alpha")).isTrue();
        assertThat(catalog.exists("imdb")).isTrue();
        assertThat(catalog.exists("nope")).isFalse();
        assertThat(catalog.exists("Not A Name")).isFalse();
    }

    @Test
    void nameTakenByAnImportOrABuiltinIsRefused() {
        DatasetCatalog catalog = catalog();
        catalog.add(toy("toy"));
        assertThatThrownBy(() -> catalog.add(toy("toy"))).isInstanceOf(DatasetExistsException.class)
                .hasMessageContaining("'toy' already exists");
        assertThatThrownBy(() -> catalog.add(toy("imdb"))).isInstanceOf(DatasetExistsException.class)
                .hasMessageContaining("built-in");
    }

    @Test
    void invalidNamesAreRefused() {
        assertThatThrownBy(() -> toy("Bad Name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid dataset name 'Bad Name'");
        assertThat(DatasetName.isValid("a")).isTrue();
        assertThat(DatasetName.isValid("a-b_c9")).isTrue();
        assertThat(DatasetName.isValid("-a")).isFalse();
        assertThat(DatasetName.isValid("a".repeat(65))).isFalse();
        assertThat(DatasetName.isValid("../x")).isFalse();
    }

    @Test
    void deleteRemovesImportsButNotBuiltins() {
        DatasetCatalog catalog = catalog();
        catalog.add(toy("toy"));
        catalog.delete("toy");
        assertThat(catalog.exists("toy")).isFalse();
        assertThat(dataDir.resolve("datasets")).isEmptyDirectory();
        assertThatThrownBy(() -> catalog.delete("imdb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built in");
        assertThatThrownBy(() -> catalog.delete("toy")).isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("available: imdb, amazon");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNothing() {
        DatasetCatalog catalog = catalog();
        // an unpaired surrogate cannot be encoded as UTF-8: writing the test split fails after train and validation
        LabeledDataset unwritable = LabeledDataset.of("broken", "Broken", TaskType.SINGLE_LABEL_CLASSIFICATION,
                List.of("neg", "pos"), "hand-made", Map.of(
                        Split.TRAIN, List.of(Example.classified("t1", "fine", null, 1)),
                        Split.TEST, List.of(Example.classified("x1", "bad \ud800 text", null, 0))));

        assertThatThrownBy(() -> catalog.add(unwritable)).hasMessageContaining("cannot store dataset broken");
        assertThat(catalog.exists("broken")).isFalse();
        assertThat(dataDir.resolve("datasets")).isEmptyDirectory();
    }

    @Test
    void aChangedFileIsDetectedOnLoad() throws IOException {
        DatasetCatalog catalog = catalog();
        catalog.add(toy("toy"));
        Path test = dataDir.resolve("datasets/toy/test.jsonl");
        Files.writeString(test, Files.readString(test).replace("meh", "meh!"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> catalog.load("toy")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was changed on disk");
    }

    @Test
    void unknownDatasetNamesTheAvailableOnes() {
        assertThatThrownBy(() -> catalog().load("missing")).isInstanceOf(DatasetNotFoundException.class)
                .hasMessage("no dataset named 'missing'; available: imdb, amazon");
    }
}
