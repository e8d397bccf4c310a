package dev.bertlab.engine.data.importing;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.engine.data.npm.NpmPackageFetcher;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Every kind of bad input is reported with its place, and a failed import leaves nothing in the catalog. */
class DatasetImporterValidationTest {

    @TempDir
    Path dir;

    private Path dataDir;
    private DatasetCatalog catalog;
    private DatasetImporter importer;

    @BeforeEach
    void setUp() {
        dataDir = dir.resolve("data");
        catalog = new DatasetCatalog(dataDir, new NpmPackageFetcher(dir.resolve("npm"), "npm-must-not-run",
                Duration.ofSeconds(1)));
        importer = new DatasetImporter(catalog);
    }

    @AfterEach
    void nothingWasImported() throws IOException {
        Path datasets = dataDir.resolve("datasets");
        if (Files.isDirectory(datasets)) {
            try (var entries = Files.list(datasets)) {
                assertThat(entries).allMatch(entry -> entry.getFileName().toString().equals("taken"));
            }
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static final String GOOD_TRAIN = "text,label\na,x\nb,y\nc,x\nd,y\n";

    private List<DatasetProblem> problems(Path train, UnaryOperator<ImportRequest.Builder> options) {
        ImportRequest request = options.apply(ImportRequest.builder("mine", train, ColumnMapping.of("text", "label"))
                .fractions(0, 0)).build();
        DatasetValidationException failure = catchThrowableOfType(DatasetValidationException.class,
                () -> importer.importDataset(request));
        assertThat(failure).as("import should have failed").isNotNull();
        assertThat(failure.problems()).hasSize(Math.min(failure.totalProblems(), ProblemCollector.MAX_SHOWN));
        assertThat(failure.getMessage()).startsWith("nothing was imported: " + failure.totalProblems());
        return failure.problems();
    }

    private List<DatasetProblem> problems(Path train) {
        return problems(train, builder -> builder);
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.csv");
        assertThat(problems(missing)).containsExactly(new DatasetProblem(missing.toString(), 0, null,
                "file not found"));
    }

    @Test
    void emptyFileAndHeaderOnlyFile() throws IOException {
        Path empty = file("empty.csv", "");
        assertThat(problems(empty)).extracting(DatasetProblem::message).containsExactly("the file is empty");
        Path headerOnly = file("header.csv", "text,label\n");
        assertThat(problems(headerOnly)).extracting(DatasetProblem::message).containsExactly("no examples in the file");
    }

    @Test
    void missingColumnNamesTheColumnsThatExist() throws IOException {
        Path csv = file("cols.csv", "text,sentiment\na,x\n");
        assertThat(problems(csv)).containsExactly(new DatasetProblem(csv.toString(), 0, "label",
                "missing column 'label'; the file has columns: text, sentiment"));

        Path jsonl = file("cols.jsonl", "{\"text\": \"a\", \"stars\": 1}\n{\"text\": \"b\", \"lbl\": 2}\n");
        assertThat(problems(jsonl)).extracting(DatasetProblem::message)
                .containsExactly("missing column 'label'; the file has columns: text, stars, lbl");
    }

    @Test
    void missingColumnInParquet() throws IOException {
        Path parquet = ParquetFixtures.write(dir.resolve("cols.parquet"),
                "message m { required binary text (STRING); required int32 stars; }", CompressionCodecName.SNAPPY,
                List.of(1, 2), (group, i) -> group.append("text", "t" + i).append("stars", i));
        assertThat(problems(parquet)).extracting(DatasetProblem::toString)
                .containsExactly(parquet + ", column 'label': missing column 'label'; the file has columns: text,"
                        + " stars");
    }

    @Test
    void emptyOrBlankTextAndMissingLabel() throws IOException {
        Path csv = file("holes.csv", "text,label\ngood,x\n,y\n\"   \",x\nfine,\nok,y\n");
        assertThat(problems(csv)).extracting(DatasetProblem::toString).containsExactly(
                csv + ", line 3, column 'text': empty text",
                csv + ", line 4, column 'text': empty text",
                csv + ", line 5, column 'label': missing label");
    }

    @Test
    void missingFieldsAndBadValuesInJsonLines() throws IOException {
        Path jsonl = file("holes.jsonl", """
                {"text": "a", "label": "x"}
                {"label": "y"}
                {"text": "c", "label": null}
                {"text": {"nested": 1}, "label": "y"}
                """);
        assertThat(problems(jsonl)).extracting(DatasetProblem::line, DatasetProblem::message).containsExactly(
                tuple(4L, "holds a JSON object; expected a string or a number"),
                tuple(2L, "missing text"),
                tuple(3L, "missing label"));
    }

    @Test
    void emptyTextInParquet() throws IOException {
        Path parquet = ParquetFixtures.write(dir.resolve("holes.parquet"),
                "message m { optional binary text (STRING); required binary label (STRING); }",
                CompressionCodecName.UNCOMPRESSED, List.of(0, 1, 2), (group, i) -> {
                    if (i != 1) {
                        group.append("text", i == 2 ? " " : "fine");
                    }
                    group.append("label", "x");
                });
        assertThat(problems(parquet)).extracting(DatasetProblem::toString).contains(
                parquet + ", row 2, column 'text': missing text",
                parquet + ", row 3, column 'text': empty text");
    }

    @Test
    void regressionLabelThatIsNotANumber() throws IOException {
        Path csv = file("scores.csv", "text,label\na,1.5\nb,abc\nc,NaN\nd,0x10\ne,-2e-3\n");
        assertThat(problems(csv, builder -> builder.task(TaskType.REGRESSION)))
                .extracting(DatasetProblem::line, DatasetProblem::message).containsExactly(
                        tuple(3L, "'abc' is not a number; a regression label must be a"
                                + " decimal number like 3 or -0.25"),
                        tuple(4L, "'NaN' is not a number; a regression label must be a"
                                + " decimal number like 3 or -0.25"),
                        tuple(5L, "'0x10' is not a number; a regression label must be a"
                                + " decimal number like 3 or -0.25"));
    }

    @Test
    void labelInValidationOrTestNeverSeenInTrain() throws IOException {
        Path train = file("train.csv", GOOD_TRAIN);
        Path validation = file("validation.csv", "text,label\nv,x\nw,z\n");
        Path test = file("test.csv", "text,label\nt,maybe\n");
        assertThat(problems(train, builder -> builder.validationFile(validation).testFile(test)))
                .extracting(DatasetProblem::toString).containsExactly(
                        validation + ", line 3, column 'label': unknown label 'z': not among the labels of train"
                                + " (x, y)",
                        test + ", line 2, column 'label': unknown label 'maybe': not among the labels of train (x, y)");
    }

    @Test
    void aClassSeenOnceInTrainCannotBeStratified() throws IOException {
        Path train = file("train.csv", "text,label\na,x\nb,x\nc,y\nd,y\ne,lonely\n");
        assertThat(problems(train, builder -> builder.fractions(0.2, 0.2))).extracting(DatasetProblem::message)
                .containsExactly("class 'lonely' has only 1 example in train, too few for a stratified split; add"
                        + " examples of it or provide validation and test files");
    }

    @Test
    void invalidUtf8IsReportedWithLineAndByteOffset() throws IOException {
        byte[] latin1 = "text,label\nhello,x\ncafé,y\nok,x\nnaïve,y\n".getBytes(StandardCharsets.ISO_8859_1);
        Path csv = Files.write(dir.resolve("latin1.csv"), latin1);
        assertThat(problems(csv)).extracting(DatasetProblem::toString).containsExactly(
                csv + ", line 3: invalid UTF-8 at byte offset 22 (bytes 0xe9); the file must be saved as UTF-8",
                csv + ", line 5: invalid UTF-8 at byte offset 33 (bytes 0xef); the file must be saved as UTF-8");
    }

    @Test
    void truncatedUtf8SequenceAtTheEndOfAFile() throws IOException {
        byte[] good = "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
        bytes[good.length] = (byte) 0xE2;
        Path jsonl = Files.write(dir.resolve("cut.jsonl"), bytes);
        assertThat(problems(jsonl)).extracting(DatasetProblem::line, DatasetProblem::message).containsExactly(
                tuple(2L, "invalid UTF-8 at byte offset " + good.length
                        + " (bytes 0xe2); the file must be saved as UTF-8"));
    }

    @Test
    void unbalancedQuoteInCsvNamesTheLineWhereTheRecordStarts() throws IOException {
        Path csv = file("quotes.csv", "text,label\n\"fine\",x\n\"never closed,y\nmore,x\nand more,y\n");
        List<DatasetProblem> problems = problems(csv);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).message()).startsWith("malformed CSV in the record starting here (")
                .contains("a quote may never be closed");
    }

    @Test
    void textAfterAClosingQuoteIsMalformedToo() throws IOException {
        Path tsv = file("quotes.tsv", "text\tlabel\nok\tx\n\"quoted\" tail\ty\n");
        assertThat(problems(tsv)).extracting(DatasetProblem::line, DatasetProblem::message)
                .singleElement().satisfies(tuple -> {
                    assertThat(tuple.toList().get(0)).isEqualTo(3L);
                    assertThat((String) tuple.toList().get(1)).startsWith("malformed TSV");
                });
    }

    @Test
    void rowsWithTheWrongNumberOfFields() throws IOException {
        Path csv = file("fields.csv", "text,label\na,x\nb, with comma,y\nc\n");
        assertThat(problems(csv)).extracting(DatasetProblem::toString).containsExactly(
                csv + ", line 3: this row has 3 fields but the header has 2; a field holding the delimiter must be"
                        + " quoted",
                csv + ", line 4: this row has 1 fields but the header has 2; a field holding the delimiter must be"
                        + " quoted");
    }

    @Test
    void malformedJsonLinesAreReportedWithTheirLineNumbers() throws IOException {
        Path jsonl = file("bad.jsonl", """
                {"text": "a", "label": "x"}
                {"text": "b", "label": "y"
                ["not", "an", "object"]
                {"text": "c", "label": "x"} trailing
                {"text": "d", "label": "y"}
                """);
        List<DatasetProblem> problems = problems(jsonl);
        assertThat(problems).extracting(DatasetProblem::line).containsExactly(2L, 3L, 4L);
        assertThat(problems.get(0).message()).startsWith("malformed JSON at character");
        assertThat(problems.get(1).message())
                .isEqualTo("the line is a JSON array, not an object {\"field\": value, ...}");
    }

    @Test
    void fewerThanTwoClasses() throws IOException {
        Path csv = file("one.csv", "text,label\na,x\nb,x\n");
        assertThat(problems(csv)).extracting(DatasetProblem::message).containsExactly(
                "only 1 class (x) in train; classification needs at least 2 (for a numeric target choose regression)");
    }

    @Test
    void duplicateAndInvalidDatasetNames() throws IOException {
        Path train = file("train.csv", GOOD_TRAIN);
        importer.importDataset(ImportRequest.builder("taken", train, ColumnMapping.of("text", "label"))
                .fractions(0, 0).build());
        assertThat(problems(train, builder -> ImportRequest.builder("taken", train, ColumnMapping.of("text", "label"))))
                .extracting(DatasetProblem::message)
                .containsExactly("a dataset named 'taken' already exists; choose another name");
        assertThat(problems(train, builder -> ImportRequest.builder("imdb", train, ColumnMapping.of("text", "label"))))
                .extracting(DatasetProblem::message)
                .containsExactly("a built-in dataset named 'imdb' already exists; choose another name");
        assertThat(problems(train, builder -> ImportRequest.builder("My Data", train, ColumnMapping.of("text",
                "label")))).extracting(DatasetProblem::message).singleElement().asString()
                .startsWith("invalid dataset name 'My Data'");
    }

    @Test
    void filesOverTheSizeLimitAreRefused() throws IOException {
        Path train = file("train.csv", GOOD_TRAIN);
        importer = new DatasetImporter(catalog, 10);
        assertThat(problems(train)).extracting(DatasetProblem::message).containsExactly(
                "the file is 27 bytes, more than the import limit of 10 bytes; use a smaller sample or raise the"
                        + " maximum import file size");
        assertThat(DatasetImporter.describeSize(DatasetImporter.DEFAULT_MAX_FILE_BYTES)).isEqualTo("200.0 MiB");
        assertThat(DatasetImporter.describeSize(12_800)).isEqualTo("12.5 KiB");
    }

    @Test
    void aHeaderWithMoreColumnsThanAnyoneMapsIsRefusedOnItsFirstLine() throws IOException {
        // 2,000 short names: a 12 KB header, under the size limit, over the column limit
        StringBuilder header = new StringBuilder("text,label");
        for (int i = 0; i < 1_998; i++) {
            header.append(",c").append(i);
        }
        Path csv = file("many.csv", header + "\na,x" + ",0".repeat(1_998) + "\nb,y" + ",0".repeat(1_998) + "\n");
        assertThat(problems(csv)).containsExactly(new DatasetProblem(csv.toString(), 1, null, "the header names"
                + " 2,000 columns; an import reads at most 1,000: keep the text and label columns (and a second text"
                + " for pairs) and leave the rest out"));
    }

    @Test
    void aHeaderLineOverTheSizeLimitIsRefusedWithoutParsingIt() throws IOException {
        // 200,000 columns: a 1.5 MB header line, which once kept one core busy for minutes
        StringBuilder header = new StringBuilder("text,label");
        for (int i = 0; i < 199_998; i++) {
            header.append(",c").append(i);
        }
        Path csv = file("wide.csv", header + "\na,x\n");
        long start = System.nanoTime();
        List<DatasetProblem> found = problems(csv);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(found).containsExactly(new DatasetProblem(csv.toString(), 1, null, "the header line is longer"
                + " than 64 KiB; an import reads at most 1,000 columns: keep the text and label columns (and a"
                + " second text for pairs) and leave the rest out"));
        assertThat(millis).as("milliseconds to refuse").isLessThan(2_000);
    }

    @Test
    void jsonLinesWithMoreFieldsThanAnyoneMapsAreRefusedWhereTheyPassTheLimit() throws IOException {
        StringBuilder wide = new StringBuilder("{\"text\": \"c\", \"label\": \"x\"");
        for (int i = 0; i < 1_200; i++) {
            wide.append(", \"f").append(i).append("\": 0");
        }
        Path jsonl = file("wide.jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": \"y\"}\n"
                + wide + "}\n");
        assertThat(problems(jsonl)).containsExactly(new DatasetProblem(jsonl.toString(), 3, null, "the lines so"
                + " far have 1,202 distinct fields; an import reads at most 1,000 columns: keep the text and label"
                + " columns (and a second text for pairs) and leave the rest out. Reading stopped here"));
    }

    @Test
    void parquetWithMoreColumnsThanAnyoneMapsIsRefused() throws IOException {
        StringBuilder schema = new StringBuilder("message m { required binary text (STRING); required binary label"
                + " (STRING);");
        for (int i = 0; i < 1_000; i++) {
            schema.append(" optional int32 f").append(i).append(';');
        }
        Path parquet = ParquetFixtures.write(dir.resolve("wide.parquet"), schema + " }",
                CompressionCodecName.UNCOMPRESSED, List.of("a", "b"), (group, text) -> group.append("text", text)
                        .append("label", text));
        assertThat(problems(parquet)).containsExactly(new DatasetProblem(parquet.toString(), 0, null, "the file"
                + " has 1,002 columns; an import reads at most 1,000: keep the text and label columns (and a second"
                + " text for pairs) and leave the rest out"));
    }

    @Test
    void unknownExtensionAsksForAFormat() throws IOException {
        Path train = file("train.xlsx", GOOD_TRAIN);
        assertThat(problems(train)).extracting(DatasetProblem::message).singleElement().asString()
                .startsWith("cannot tell the format from the file name");
    }

    @Test
    void notAParquetFile() throws IOException {
        Path train = file("train.parquet", GOOD_TRAIN);
        assertThat(problems(train)).extracting(DatasetProblem::message).singleElement().asString()
                .startsWith("not a readable Parquet file: is not a Parquet file");
    }

    @Test
    void unpairedSurrogateEscapeInJsonIsRefused() throws IOException {
        Path jsonl = file("surrogate.jsonl", """
                {"text": "a\\ud800b", "label": "x"}
                {"text": "c", "label": "y"}
                """);
        assertThat(problems(jsonl)).extracting(DatasetProblem::line).containsExactly(1L);
    }

    @Test
    void everyProblemIsCountedButOnlyTheFirstFiftyAreKept() throws IOException {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 120; i++) {
            csv.append(",x\n");
        }
        csv.append("a,x\nb,y\n");
        Path train = file("many.csv", csv.toString());
        DatasetValidationException failure = catchThrowableOfType(DatasetValidationException.class,
                () -> importer.importDataset(ImportRequest.builder("many", train, ColumnMapping.of("text", "label"))
                        .build()));
        assertThat(failure.totalProblems()).isEqualTo(120);
        assertThat(failure.problems()).hasSize(50).first().extracting(DatasetProblem::line).isEqualTo(2L);
        assertThat(failure.getMessage()).endsWith("... and 70 more");
    }

    @Test
    void problemsOfAllFilesAreReportedTogether() throws IOException {
        Path train = file("train.csv", "text,label\n,x\nb,y\nc,x\nd,y\n");
        Path validation = dir.resolve("missing-validation.csv");
        Path test = file("test.jsonl", "{\"text\": \"t\", \"label\": \"q\"}\n{\"text\": \"\", \"label\": \"x\"}\n");
        // the unknown label 'q' is not reported: train has a problem, so its classes are not known yet
        assertThat(problems(train, builder -> builder.validationFile(validation).testFile(test)))
                .extracting(DatasetProblem::toString).containsExactly(train + ", line 2, column 'text': empty text",
                        validation + ": file not found", test + ", line 2, column 'text': empty text");
    }

    @Test
    void fractionsMustLeaveSomethingForTrain() {
        assertThatThrownBy(() -> ImportRequest.builder("x", dir.resolve("a.csv"), ColumnMapping.of("t", "l"))
                .fractions(0.5, 0.5).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add up to less than 1");
    }
}
