package dev.bertlab.engine.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bertlab.engine.MatmulPrecision;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.train.Hyperparameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Everything a fine-tuning run needs, as written in a YAML or JSON config file:
 *
 * <pre>
 * name: imdb-minilm
 * dataset: imdb
 * subset: {train: 2000, validation: 500, test: 1000}
 * base_model: all-MiniLM-L6-v2
 * hyperparameters: {learning_rate: 5.0e-5, batch_size: 16, epochs: 1, max_length: 256}
 * </pre>
 *
 * @param name the run's name; also its directory name under the runs directory
 * @param dataset a dataset of the catalog (imdb, amazon, or an imported one)
 * @param subset optional stratified subset sizes per split, for quick runs
 * @param subsetSeed seed of the subset (default 13)
 * @param baseModel a registered base model or a Hugging Face model directory
 * @param output the run directory (default: the runs directory / name)
 * @param device auto, cpu, cuda or cuda:N
 * @param threads PyTorch intra-op threads; 0 keeps the process default
 * @param matmulPrecision libtorch's float32 matmul precision (highest, high, medium); none: the default for the
 *     device ({@link MatmulPrecision#defaultFor})
 * @param hyperparameters every training knob
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunConfig(String name, String dataset, SubsetSizes subset, Long subsetSeed, String baseModel,
        String output, String device, Integer threads, MatmulPrecision matmulPrecision,
        Hyperparameters hyperparameters) {

    private static final ObjectReader READER = Json.yaml().readerFor(RunConfig.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * Sizes of a stratified subset; a null split is taken whole.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SubsetSizes(Integer train, Integer validation, Integer test) {
    }

    /** A config with the default matmul precision for its device. */
    public RunConfig(String name, String dataset, SubsetSizes subset, Long subsetSeed, String baseModel,
            String output, String device, Integer threads, Hyperparameters hyperparameters) {
        this(name, dataset, subset, subsetSeed, baseModel, output, device, threads, null, hyperparameters);
    }

    public RunConfig {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("name must be 1-100 letters, digits, '.', '_' or '-' and start with a "
                    + "letter or digit, got " + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset is required (e.g. imdb or amazon)");
        }
        if (baseModel == null || baseModel.isBlank()) {
            throw new IllegalArgumentException("base_model is required (e.g. all-MiniLM-L6-v2 or bert-base-uncased)");
        }
        subsetSeed = subsetSeed == null ? 13L : subsetSeed;
        device = device == null ? "auto" : device;
        threads = threads == null ? 0 : threads;
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, got " + threads);
        }
        hyperparameters = hyperparameters == null ? Hyperparameters.defaults() : hyperparameters;
        if (subset != null) {
            checkSize("subset.train", subset.train());
            checkSize("subset.validation", subset.validation());
            checkSize("subset.test", subset.test());
        }
    }

    /** Reads a YAML or JSON config (JSON is YAML); unknown keys are errors, so a typo never goes unnoticed. */
    public static RunConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("config file " + file + " does not exist");
        }
        try {
            return READER.readValue(file.toFile());
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown setting '" + e.getPropertyName() + "'"
                    + lineOf(file, e.getPropertyName()) + "; known: " + e.getKnownPropertyIds(), e);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException(file + ": '" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT) + location(e.getLocation()), e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException invalid) {
                throw new IllegalArgumentException(file + ": " + invalid.getMessage(), invalid);
            }
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage() + location(e.getLocation()), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid YAML/JSON: " + e.getOriginalMessage()
                    + location(e.getLocation()), e);
        }
    }

    public void write(Path file) throws IOException {
        Json.yaml().writeValue(file.toFile(), this);
    }

    public RunConfig withOutput(String changed) {
        return new RunConfig(name, dataset, subset, subsetSeed, baseModel, changed, device, threads,
                matmulPrecision, hyperparameters);
    }

    private static void checkSize(String field, Integer size) {
        if (size != null && size < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, got " + size);
        }
    }

    /** The parser reports where it stopped, not where the key is: find the key's line in the file. */
    private static String lineOf(Path file, String key) throws IOException {
        java.util.List<String> lines = Files.readAllLines(file);
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                "^\\s*\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:");
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return " (line " + (i + 1) + ")";
            }
        }
        return "";
    }

    private static String location(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
    }
}
