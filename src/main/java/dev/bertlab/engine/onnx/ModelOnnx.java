package dev.bertlab.engine.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.weights.NamedTensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code model.onnx} beside a fine-tuned model's {@code model.safetensors}: written when the model is saved, and
 * on first use for a directory that has none (older runs, directories written by transformers) or whose weights
 * are newer than it.
 */
public final class ModelOnnx {

    public static final String FILE_NAME = "model.onnx";
    /** The int8 variant, written when someone measures it (its accuracy is checked before it is served). */
    public static final String INT8_FILE_NAME = "model.int8.onnx";

    private static final ObjectMapper JSON = Json.mapper();

    private ModelOnnx() {
    }

    /** Where the ONNX graph of a model directory is (whether or not it exists yet). */
    public static Path of(Path modelDirectory) {
        return modelDirectory.resolve(FILE_NAME);
    }

    /** Writes the model directory's graph (ONNX Runtime's operators) from its loaded weights. */
    public static Path write(Path modelDirectory, PretrainedBert model) throws IOException {
        return write(of(modelDirectory), model, BertOnnxExporter.Operators.ONNX_RUNTIME);
    }

    public static Path write(Path target, PretrainedBert model, BertOnnxExporter.Operators operators)
            throws IOException {
        BertOnnxExporter.write(target, model.config(), model.weights(), operators,
                metadata(model.labels(), model.trainedMaxLength()));
        return target;
    }

    /**
     * Writes the graph of a model being saved, beside its weights.
     *
     * @param labels class names; empty for a regressor
     */
    public static Path write(Path modelDirectory, BertConfig config, Map<String, NamedTensor> weights,
            List<String> labels, int maxLength) throws IOException {
        Path target = of(modelDirectory);
        BertOnnxExporter.write(target, config, weights, BertOnnxExporter.Operators.ONNX_RUNTIME,
                metadata(labels, maxLength));
        return target;
    }

    /**
     * The directory's up-to-date {@code model.onnx}, written first if missing or older than the weights. A directory
     * that cannot be written to (a read-only mount) gets its graph in a temporary file instead.
     */
    public static Path ensure(Path modelDirectory, PretrainedBert model, Consumer<String> status) throws IOException {
        Path target = of(modelDirectory);
        if (isCurrent(modelDirectory)) {
            return target;
        }
        status.accept("writing " + target + " for ONNX Runtime");
        try {
            return write(modelDirectory, model);
        } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            Path temporary = Files.createTempDirectory("bertlab-onnx").resolve(FILE_NAME);
            temporary.toFile().deleteOnExit();
            temporary.getParent().toFile().deleteOnExit();
            status.accept(modelDirectory + " is read-only: its ONNX graph goes to " + temporary);
            return write(temporary.getParent(), model);
        }
    }

    public static Path int8Of(Path modelDirectory) {
        return modelDirectory.resolve(INT8_FILE_NAME);
    }

    /** The directory's int8 graph, written first if missing or older than the weights. */
    public static Path ensureInt8(Path modelDirectory, PretrainedBert model) throws IOException {
        Path target = int8Of(modelDirectory);
        if (isCurrent(modelDirectory, target)) {
            return target;
        }
        return write(target, model, BertOnnxExporter.Operators.ONNX_RUNTIME_INT8);
    }

    /** Whether the directory's model.onnx exists and is at least as new as its weights. */
    public static boolean isCurrent(Path modelDirectory) {
        return isCurrent(modelDirectory, of(modelDirectory));
    }

    private static boolean isCurrent(Path modelDirectory, Path onnx) {
        Path weights = modelDirectory.resolve("model.safetensors");
        try {
            return Files.isRegularFile(onnx) && (!Files.exists(weights)
                    || Files.getLastModifiedTime(onnx).compareTo(Files.getLastModifiedTime(weights)) >= 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> metadata(List<String> labels, int maxLength) {
        Map<String, String> metadata = new LinkedHashMap<>();
        try {
            metadata.put("labels", JSON.writeValueAsString(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        metadata.put("problem_type", labels.isEmpty() ? "regression" : "single_label_classification");
        metadata.put("max_length", Integer.toString(maxLength));
        metadata.put("inputs", "input_ids, attention_mask, token_type_ids: int64 [batch, sequence]");
        metadata.put("outputs", "logits: float [batch, labels]");
        return metadata;
    }
}
