package dev.bertlab.engine.eval;

import static dev.bertlab.engine.eval.ClassificationMetricsTest.IMBALANCED_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.IMBALANCED_PROBABILITIES;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.TIES_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.TIES_PROBABILITIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsJsonTest {

    @TempDir
    Path dir;

    private final ClassificationMetrics binary =
            ClassificationMetrics.compute(TIES_GOLD, TIES_PROBABILITIES, List.of("neg", "pos"));
    private final ClassificationMetrics threeClasses =
            ClassificationMetrics.compute(IMBALANCED_GOLD, IMBALANCED_PROBABILITIES, List.of("a", "b", "c"));

    @Test
    void writesSnakeCaseFieldsWithTheMatrixAsRows() throws IOException {
        JsonNode json = new ObjectMapper().readTree(MetricsJson.toJson(binary));

        assertThat(json.get("accuracy").doubleValue()).isEqualTo(binary.accuracy());
        assertThat(json.get("f1_macro").doubleValue()).isEqualTo(binary.f1Macro());
        assertThat(json.get("log_loss").doubleValue()).isEqualTo(binary.logLoss());
        assertThat(json.get("roc_auc").doubleValue()).isEqualTo(binary.rocAuc());
        assertThat(json.get("confusion_matrix").toString()).isEqualTo("[[4,0],[4,0]]");
        assertThat(json.get("per_class").get(1).get("label").textValue()).isEqualTo("pos");
        assertThat(json.get("per_class").get(1).get("support").intValue()).isEqualTo(4);
        assertThat(json.get("examples").intValue()).isEqualTo(8);
    }

    @Test
    void isPrettyPrinted() {
        assertThat(MetricsJson.toJson(binary)).contains("\n  \"accuracy\" : 0.5,\n");
    }

    @Test
    void twoClassScoresOfAMulticlassProblemAreNull() throws IOException {
        JsonNode json = new ObjectMapper().readTree(MetricsJson.toJson(threeClasses));

        assertThat(json.get("precision").isNull()).isTrue();
        assertThat(json.get("roc_auc").isNull()).isTrue();
    }

    @Test
    void classificationMetricsRoundTrip() throws IOException {
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(threeClasses, file);
        assertThat(MetricsJson.readClassification(file)).isEqualTo(threeClasses);

        MetricsJson.write(binary, file);
        assertThat(MetricsJson.readClassification(file)).isEqualTo(binary);
    }

    @Test
    void regressionMetricsRoundTripIncludingAnUndefinedR2() throws IOException {
        Path file = dir.resolve("metrics.json");
        RegressionMetrics metrics = RegressionMetrics.compute(new double[] {1, 2, 4}, new double[] {1.5, 2, 3});
        MetricsJson.write(metrics, file);
        assertThat(MetricsJson.readRegression(file)).isEqualTo(metrics);
        assertThat(new ObjectMapper().readTree(file.toFile()).get("r2").doubleValue()).isEqualTo(metrics.r2());

        RegressionMetrics single = RegressionMetrics.compute(new double[] {1}, new double[] {2});
        MetricsJson.write(single, file);
        assertThat(MetricsJson.readRegression(file).r2()).isNaN();
    }

    @Test
    void missingFieldIsReportedWithItsFile() throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\n  \"mse\" : 0.5,\n  \"mae\" : 0.5,\n  \"examples\" : 3\n}\n");

        assertThatThrownBy(() -> MetricsJson.readRegression(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("not a RegressionMetrics file")
                .hasMessageContaining("'r2'");
    }

    @Test
    void brokenJsonIsReportedWithLine() throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\n  \"mse\" : 0.5,\n  \"mae\" : oops\n}\n");

        assertThatThrownBy(() -> MetricsJson.readRegression(file))
                .isInstanceOf(MalformedEvaluationFileException.class)
                .hasMessageContaining(file + ", line 3, column");
    }
}
