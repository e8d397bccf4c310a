package dev.bertlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bertlab.engine.data.DatasetInfo;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.importing.ColumnMapping;
import dev.bertlab.engine.data.importing.DatasetProblem;
import dev.bertlab.engine.data.importing.DatasetValidationException;
import dev.bertlab.engine.data.importing.FileFormat;
import dev.bertlab.engine.data.importing.ImportRequest;
import dev.bertlab.support.DashboardApplicationTest;
import dev.bertlab.support.SharedDashboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Uploads through the dataset service: previews, located problems with nothing stored, analysis, deletion. */
@DashboardApplicationTest
@WithMockUser(username = "editor", roles = {"VIEWER", "EDITOR"})
class DatasetServiceTest {

    private static final Path DATA = SharedDashboard.data();

    @Autowired
    DatasetService datasets;

    private Path upload(String fileName, String content) throws IOException {
        return Files.writeString(datasets.newUploadFile(fileName), content);
    }

    private static ImportRequest request(String name, Path file) {
        return ImportRequest.builder(name, file, ColumnMapping.of("review", "label")).build();
    }

    @Test
    void aMalformedCsvIsReportedWithPlacesAndNothingIsStored() throws IOException {
        Path file = upload("broken.csv", """
                review,label
                "a fine film",pos
                a dull film
                ,neg
                "an unclosed quote,neg
                """);
        FilePreview preview = datasets.preview(file, "broken.csv");
        assertThat(preview.problem()).isNull();
        assertThat(preview.columns()).containsExactly("review", "label");
        assertThat(preview.rows()).hasSizeBetween(1, 3);
        DatasetValidationException failure = catchThrowableOfType(DatasetValidationException.class,
                () -> datasets.importDataset(request("broken", file)));
        assertThat(failure.problems()).extracting(DatasetProblem::line).contains(3L, 4L, 5L);
        assertThat(failure.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("broken.csv"));
        assertThat(failure.problems()).filteredOn(p -> p.line() == 4L).singleElement()
                .satisfies(p -> assertThat(p.column()).isEqualTo("review"));
        assertThat(datasets.exists("broken")).isFalse();
        assertThat(datasets.list()).extracting(DatasetInfo::name).doesNotContain("broken");
        assertThat(storedDatasets()).doesNotContain("broken");
        datasets.discardUpload(file);
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerCannotImportOrDelete() throws IOException {
        Path file = upload("fine.csv", goodCsv(20));
        assertThatThrownBy(() -> datasets.importDataset(request("viewers", file)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> datasets.delete("imdb")).isInstanceOf(AccessDeniedException.class);
        assertThat(datasets.exists("viewers")).isFalse();
    }

    @Test
    void aCleanFileIsImportedAnalysedAndDeleted() throws IOException {
        Path file = upload("My Reviews.csv", goodCsv(60));
        FilePreview preview = datasets.preview(file, "My Reviews.csv");
        assertThat(preview.format()).isEqualTo(FileFormat.CSV);
        assertThat(preview.columns()).containsExactly("id", "review", "label");
        assertThat(preview.rows()).hasSize(8).first().satisfies(row -> assertThat(row).containsEntry("label", "pos"));
        assertThat(preview.likelyTextColumn()).contains("review");
        assertThat(preview.likelyLabelColumn()).contains("label");
        assertThat(datasets.suggestName("My Reviews.csv")).isEqualTo("my-reviews");

        DatasetInfo info = datasets.importDataset(request("my-reviews", file));
        assertThat(info.labelNames()).containsExactly("neg", "pos");
        assertThat(info.count(Split.TRAIN) + info.count(Split.VALIDATION) + info.count(Split.TEST)).isEqualTo(60);
        assertThat(datasets.exists("my-reviews")).isTrue();

        List<String> progress = new ArrayList<>();
        DatasetAnalysis analysis = datasets.analyseNow("my-reviews", DatasetService.DEFAULT_TOKENIZER, progress::add);
        LabelDistribution labels = analysis.labels();
        assertThat(labels.categories()).containsExactly("neg", "pos");
        assertThat(labels.count(Split.TRAIN, 0) + labels.count(Split.TRAIN, 1)).isEqualTo(info.count(Split.TRAIN));
        TokenLengths lengths = analysis.tokenLengths();
        assertThat(lengths.sampled()).isEqualTo(info.count(Split.TRAIN));
        // "review number N is good" or "... is bad really quite bad": 6 to 12 word pieces plus [CLS] and [SEP]
        assertThat(java.util.Arrays.stream(lengths.lengths()).boxed()).allSatisfy(length -> assertThat(length).isBetween(7, 16));
        assertThat(lengths.shareTruncatedAt(512)).isZero();
        assertThat(lengths.shareTruncatedAt(8)).isGreaterThan(0.3);
        assertThat(progress).isNotEmpty();

        datasets.delete("my-reviews");
        assertThat(datasets.exists("my-reviews")).isFalse();
        assertThatThrownBy(() -> datasets.delete("imdb")).hasMessageContaining("built in");
    }

    @Test
    void previewsReadJsonLinesAndRefuseUnknownFormats() throws IOException {
        Path jsonl = upload("reviews.jsonl", """
                {"t": "great", "s": 1}

                {"t": "broken
                {"t": "awful", "s": 0, "extra": [1, 2]}
                """);
        FilePreview preview = datasets.preview(jsonl, "reviews.jsonl");
        assertThat(preview.columns()).containsExactly("t", "s", "extra");
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.likelyTextColumn()).contains("t");
        assertThat(preview.likelyLabelColumn()).contains("s");
        Path unknown = upload("reviews.xlsx", "not really");
        assertThat(datasets.preview(unknown, "reviews.xlsx").problem()).contains(".csv, .tsv, .jsonl or .parquet");
    }

    @Test
    void tokenLengthsGiveSharesAndHistograms() {
        TokenLengths lengths = new TokenLengths("m", new int[] {10, 300, 20, 600, 40}, 5);
        assertThat(lengths.lengths()).containsExactly(10, 20, 40, 300, 600);
        assertThat(lengths.shareTruncatedAt(256)).isEqualTo(0.4);
        assertThat(lengths.shareTruncatedAt(300)).isEqualTo(0.2);
        assertThat(lengths.percentile(0.5)).isEqualTo(40);
        assertThat(lengths.histogram(256)).containsExactly(3, 1, 1);
    }

    private static String goodCsv(int rows) {
        StringBuilder csv = new StringBuilder("id,review,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",review number ").append(i).append(i % 2 == 0 ? " is good,pos\n"
                    : " is bad really quite bad,neg\n");
        }
        return csv.toString();
    }

    private static List<String> storedDatasets() throws IOException {
        Path root = DATA.resolve("datasets");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(entry -> entry.getFileName().toString()).toList();
        }
    }
}
