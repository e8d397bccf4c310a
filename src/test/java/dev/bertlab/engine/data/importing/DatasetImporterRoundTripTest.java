package dev.bertlab.engine.data.importing;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.engine.data.npm.NpmPackageFetcher;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetImporterRoundTripTest {

    @TempDir
    Path dir;

    private DatasetCatalog catalog;
    private DatasetImporter importer;

    @BeforeEach
    void setUp() {
        catalog = new DatasetCatalog(dir.resolve("data"), new NpmPackageFetcher(dir.resolve("npm"),
                "npm-must-not-run", Duration.ofSeconds(1)));
        importer = new DatasetImporter(catalog);
    }

    /** Texts with the characters that trip up parsers: quotes, delimiters, line breaks, non-ASCII. */
    private static String text(int i) {
        return switch (i % 4) {
            case 0 -> "plain text " + i;
            case 1 -> "with \"quotes\", commas\tand tabs " + i;
            case 2 -> "two\nlines " + i;
            default -> "naïve café ☕ " + i;
        };
    }

    private static String label(int i) {
        return i % 3 == 0 ? "positive" : i % 3 == 1 ? "negative" : "neutral";
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private Path csv(String name, char delimiter, int rows) throws IOException {
        StringBuilder content = new StringBuilder("\uFEFFid" + delimiter + "sentence" + delimiter + "context"
                + delimiter + "sentiment\r\n");
        for (int i = 0; i < rows; i++) {
            content.append(i).append(delimiter).append(quoted(text(i))).append(delimiter)
                    .append(quoted("context " + i)).append(delimiter).append(label(i)).append("\r\n");
        }
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"CSV", "TSV"})
    void delimitedFileWithStringLabelsAndATextPair(FileFormat format) throws IOException {
        Path file = csv("reviews." + format.extensions().get(0), format == FileFormat.CSV ? ',' : '\t', 60);
        LabeledDataset dataset = importer.importDataset(ImportRequest.builder("reviews", file,
                new ColumnMapping("sentence", "context", "sentiment")).build());

        assertThat(dataset.info().labelNames()).containsExactly("negative", "neutral", "positive");
        assertThat(dataset.info().hasTextPair()).isTrue();
        assertThat(dataset.info().counts()).containsEntry(Split.TRAIN, 48).containsEntry(Split.VALIDATION, 6)
                .containsEntry(Split.TEST, 6);
        assertThat(allExamples(dataset)).hasSize(60).allSatisfy(example -> {
            int row = Integer.parseInt(example.textPair().substring("context ".length()));
            // ids name the line a record starts on: every text with a line break moves the next ones down
            assertThat(example.id()).isEqualTo("train-" + (2 + row + (row + 1) / 4));
            assertThat(example.text()).isEqualTo(text(row));
            assertThat(example.textPair()).isEqualTo("context " + row);
            assertThat(dataset.info().labelNames().get(example.label())).isEqualTo(label(row));
        });
        for (Split split : List.of(Split.VALIDATION, Split.TEST)) {
            assertThat(dataset.split(split)).extracting(Example::label).containsOnly(0, 1, 2);
        }
        assertThat(catalog.load("reviews")).isEqualTo(dataset);
        assertThat(dataset.info().source()).contains("train=reviews." + format.extensions().get(0),
                "validation 10% and test 10% carved out of train (stratified split, seed 42)");
    }

    @Test
    void integerLabelsSortNumerically() throws IOException {
        StringBuilder tsv = new StringBuilder("text\tstars\n");
        int[] stars = {10, 2, 1, 2, 10, 1, 2, 10, 1, 2};
        for (int i = 0; i < stars.length; i++) {
            tsv.append("review ").append(i).append('\t').append(stars[i]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("stars.tsv"), tsv);
        LabeledDataset dataset = importer.read(ImportRequest.builder("stars", file, ColumnMapping.of("text", "stars"))
                .fractions(0, 0).build());

        assertThat(dataset.info().labelNames()).containsExactly("1", "2", "10");
        assertThat(dataset.split(Split.TRAIN)).extracting(Example::label)
                .containsExactly(2, 1, 0, 1, 2, 0, 1, 2, 0, 1);
        assertThat(dataset.split(Split.VALIDATION)).isEmpty();
    }

    @Test
    void jsonLinesWithGivenSplitsKeepsThemAsTheyAre() throws IOException {
        Path train = Files.writeString(dir.resolve("train.jsonl"), """
                {"q": "is it good?", "a": "yes", "y": 1}
                {"q": "is it bad?", "a": "no", "y": 0, "extra": [1, 2]}

                {"q": "tell me \\"more\\"\\nplease", "a": "ok \\u2603", "y": 1}
                {"q": "why?", "a": "because", "y": 0}
                """);
        Path validation = Files.writeString(dir.resolve("validation.jsonl"), """
                {"q": "v1", "a": "p", "y": 0}
                """);
        Path test = Files.writeString(dir.resolve("test.ndjson"), """
                {"y": 1, "a": "p", "q": "t1"}
                """);
        LabeledDataset dataset = importer.importDataset(ImportRequest.builder("qa", train, new ColumnMapping("q", "a",
                "y")).validationFile(validation).testFile(test).build());

        assertThat(dataset.info().labelNames()).containsExactly("0", "1");
        assertThat(dataset.split(Split.TRAIN)).extracting(Example::id)
                .containsExactly("train-1", "train-2", "train-4", "train-5");
        assertThat(dataset.split(Split.TRAIN).get(2)).isEqualTo(
                Example.classified("train-4", "tell me \"more\"\nplease", "ok ☃", 1));
        assertThat(dataset.split(Split.VALIDATION)).containsExactly(Example.classified("validation-1", "v1", "p", 0));
        assertThat(dataset.split(Split.TEST)).containsExactly(Example.classified("test-1", "t1", "p", 1));
        assertThat(catalog.load("qa")).isEqualTo(dataset);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "ZSTD", "GZIP"})
    void parquetWithStringAndIntegerLabelColumns(CompressionCodecName codec) throws IOException {
        List<Integer> rows = IntStream.range(0, 40).boxed().toList();
        Path file = ParquetFixtures.write(dir.resolve("data.parquet"), """
                message review {
                  required binary text (STRING);
                  optional binary pair (STRING);
                  required binary sentiment (STRING);
                  required int32 stars;
                  required double score;
                }""", codec, rows, (group, i) -> group.append("text", text(i)).append("pair", "pair " + i)
                .append("sentiment", label(i)).append("stars", i % 2 == 0 ? 5 : 12).append("score", i / 4.0));

        LabeledDataset byString = importer.importDataset(ImportRequest.builder("parquet-strings", file,
                new ColumnMapping("text", "pair", "sentiment")).build());
        assertThat(byString.info().labelNames()).containsExactly("negative", "neutral", "positive");
        assertThat(allExamples(byString)).hasSize(40).allSatisfy(example -> {
            int row = Integer.parseInt(example.id().substring("train-".length())) - 1;
            assertThat(example.text()).isEqualTo(text(row));
            assertThat(example.textPair()).isEqualTo("pair " + row);
            assertThat(byString.info().labelNames().get(example.label())).isEqualTo(label(row));
        });
        assertThat(catalog.load("parquet-strings")).isEqualTo(byString);

        LabeledDataset byInteger = importer.read(ImportRequest.builder("parquet-ints", file,
                ColumnMapping.of("text", "stars")).build());
        assertThat(byInteger.info().labelNames()).containsExactly("5", "12");
        assertThat(byInteger.info().hasTextPair()).isFalse();

        LabeledDataset regression = importer.read(ImportRequest.builder("parquet-score", file,
                ColumnMapping.of("text", "score")).task(TaskType.REGRESSION).build());
        assertThat(allExamples(regression)).allSatisfy(example -> assertThat(example.target())
                .isEqualTo((Integer.parseInt(example.id().substring("train-".length())) - 1) / 4.0));
    }

    @Test
    void regressionFromCsvCarvesARandomSplit() throws IOException {
        StringBuilder csv = new StringBuilder("text,score\n");
        for (int i = 0; i < 30; i++) {
            csv.append("sentence ").append(i).append(',').append(i % 2 == 0 ? "-" : "").append(i).append(".25\n");
        }
        csv.append("exp,1.5e2\n");
        Path file = Files.writeString(dir.resolve("scores.csv"), csv);
        LabeledDataset dataset = importer.importDataset(ImportRequest.builder("scores", file,
                ColumnMapping.of("text", "score")).task(TaskType.REGRESSION).seed(7).build());

        assertThat(dataset.info().task()).isEqualTo(TaskType.REGRESSION);
        assertThat(dataset.info().labelNames()).isEmpty();
        assertThat(dataset.info().counts()).containsEntry(Split.TRAIN, 25).containsEntry(Split.VALIDATION, 3)
                .containsEntry(Split.TEST, 3);
        Map<String, Double> targets = new HashMap<>();
        allExamples(dataset).forEach(example -> targets.put(example.text(), example.target()));
        assertThat(targets).containsEntry("sentence 0", -0.25).containsEntry("sentence 3", 3.25)
                .containsEntry("exp", 150.0).hasSize(31);
        assertThat(allExamples(dataset)).allMatch(example -> example.label() == -1);
        assertThat(catalog.load("scores")).isEqualTo(dataset);
        assertThat(importer.read(ImportRequest.builder("scores2", file, ColumnMapping.of("text", "score"))
                .task(TaskType.REGRESSION).seed(7).build()).splits()).isEqualTo(dataset.splits());
    }

    @Test
    void explicitFormatOverridesTheExtension() throws IOException {
        Path file = Files.writeString(dir.resolve("export.txt"), "a\tb\none\tx\ntwo\ty\nthree\tx\nfour\ty\n");
        LabeledDataset dataset = importer.read(ImportRequest.builder("txt", file, ColumnMapping.of("a", "b"))
                .format(FileFormat.TSV).fractions(0, 0).build());
        assertThat(dataset.split(Split.TRAIN)).extracting(Example::text).containsExactly("one", "two", "three", "four");
    }

    private static List<Example> allExamples(LabeledDataset dataset) {
        List<Example> all = new ArrayList<>();
        dataset.splits().values().forEach(all::addAll);
        return all;
    }
}
