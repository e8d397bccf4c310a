package dev.bertlab.engine.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code metrics.json}: the metrics of one split as pretty-printed JSON with snake_case names
 * ({@code accuracy}, {@code f1_macro}, {@code log_loss}, {@code roc_auc}, {@code confusion_matrix} as an array of
 * rows, {@code per_class}, ...). Undefined values are written as null (a two-class score of a three-class
 * problem) or "NaN" (the R² of a single example).
 */
public final class MetricsJson {

    // every field must be present when reading: a missing accuracy must not silently read as 0.
    // A copy of the shared mapper, not a reader/writer of it: the snake_case naming and the mix-in are
    // mapper-wide settings that an ObjectReader or ObjectWriter cannot carry.
    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addMixIn(ConfusionMatrix.class, ConfusionMatrixAsRows.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private MetricsJson() {
    }

    public static String toJson(ClassificationMetrics metrics) {
        return serialize(metrics);
    }

    public static String toJson(RegressionMetrics metrics) {
        return serialize(metrics);
    }

    /** Writes {@code metrics}, replacing {@code file}. */
    public static void write(ClassificationMetrics metrics, Path file) throws IOException {
        Files.writeString(file, toJson(metrics) + "\n");
    }

    /** Writes {@code metrics}, replacing {@code file}. */
    public static void write(RegressionMetrics metrics, Path file) throws IOException {
        Files.writeString(file, toJson(metrics) + "\n");
    }

    public static ClassificationMetrics readClassification(Path file) throws IOException {
        return read(file, ClassificationMetrics.class);
    }

    public static RegressionMetrics readRegression(Path file) throws IOException {
        return read(file, RegressionMetrics.class);
    }

    private static String serialize(Object metrics) {
        try {
            return MAPPER.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            // records of numbers, strings and lists always serialize; reaching here is a bug
            throw new IllegalStateException("cannot write metrics as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null ? 0 : location.getLineNr();
            String column = location == null || location.getColumnNr() < 1 ? null
                    : Integer.toString(location.getColumnNr());
            String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? " (at " + mapping.getPathReference() + ")" : "";
            throw new MalformedEvaluationFileException(file, line, column, "not a " + type.getSimpleName()
                    + " file" + field + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a confusion matrix as its rows, and reads it back from them. */
    private abstract static class ConfusionMatrixAsRows {

        @JsonCreator
        ConfusionMatrixAsRows(int[][] counts) {
        }

        @JsonValue
        abstract int[][] counts();
    }
}
