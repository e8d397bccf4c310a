package dev.bertlab.engine.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/** Loads the weights of a Hugging Face BERT {@code model.safetensors} under this project's parameter names. */
public final class HuggingFaceCheckpoint {

    private HuggingFaceCheckpoint() {
    }

    /**
     * Reads, renames ({@link HuggingFaceCheckpointNames}) and checks the weights of a BERT safetensors file.
     *
     * @throws WeightFormatException if the file is malformed, or the encoder or a head that is partly present is
     *         incomplete
     */
    public static Map<String, NamedTensor> loadWeights(Path safetensorsFile) throws IOException {
        Map<String, NamedTensor> weights;
        try (SafetensorsReader reader = SafetensorsReader.open(safetensorsFile)) {
            try {
                weights = HuggingFaceCheckpointNames.normalizeAll(reader.readAll());
            } catch (IllegalArgumentException e) {
                throw new WeightFormatException(safetensorsFile, e.getMessage(), e);
            }
        }
        Set<String> missing = BertParameterNames.missing(weights.keySet());
        if (BertParameterNames.layerCount(weights.keySet()) == 0 || !missing.isEmpty()) {
            throw new WeightFormatException(safetensorsFile, "is not a complete BERT checkpoint: found "
                    + weights.size() + " BERT parameters, missing " + (missing.isEmpty() ? "every encoder layer"
                    : missing));
        }
        return Collections.unmodifiableMap(weights);
    }
}
