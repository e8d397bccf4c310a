package dev.bertlab.engine.onnx;

import dev.bertlab.engine.io.FileReplacement;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a model's int8 graph did against its float model on the run's own test split, kept as {@code int8.json} in the
 * model directory.
 *
 * @param examples test examples both were run on
 * @param fp32Accuracy the float model's accuracy on them (the run's own test predictions)
 * @param int8Accuracy the int8 graph's accuracy in ONNX Runtime
 * @param agreement share of examples on which both predict the same label
 * @param fp32Bytes size of model.onnx
 * @param int8Bytes size of model.int8.onnx
 */
public record Int8Report(int examples, double fp32Accuracy, double int8Accuracy, double agreement, long fp32Bytes,
        long int8Bytes) {

    public static final String FILE_NAME = "int8.json";
    /** The int8 graph is offered for serving when it loses at most this many accuracy points. */
    public static final double MAX_LOSS_POINTS = 0.5;

    /** int8 minus float accuracy, in percentage points (negative: int8 is worse). */
    public double deltaPoints() {
        return 100 * (int8Accuracy - fp32Accuracy);
    }

    public boolean offered() {
        return deltaPoints() >= -MAX_LOSS_POINTS;
    }

    /** "int8 0.8640 vs 0.8660 (-0.20 points) on 500 test examples, 99.4% the same labels, 4.0x smaller". */
    public String summary() {
        return String.format(Locale.ROOT, "int8 %.4f vs %.4f float (%+.2f points) on %d test examples, %.1f%% the same "
                + "labels, %.1fx smaller", int8Accuracy, fp32Accuracy, deltaPoints(), examples, 100 * agreement,
                int8Bytes == 0 ? 0 : (double) fp32Bytes / int8Bytes);
    }

    public void write(Path modelDirectory) throws IOException {
        FileReplacement.write(modelDirectory.resolve(FILE_NAME),
                temporary -> Json.prettyWriter().writeValue(temporary.toFile(), this));
    }

    public static Optional<Int8Report> read(Path modelDirectory) {
        Path file = modelDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), Int8Report.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
