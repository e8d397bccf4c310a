package dev.bertlab.engine.weights;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the parameter names of a Hugging Face BERT checkpoint ({@code BertModel}, {@code BertForMaskedLM},
 * {@code BertForSequenceClassification}, {@code BertForPreTraining}) to the names this project uses: a bare
 * {@code BertModel} saves without the {@code bert.} prefix, and checkpoints converted by old versions of the
 * library name LayerNorm parameters {@code gamma}/{@code beta} instead of {@code weight}/{@code bias}. Hugging Face
 * stores Linear weights [out, in] already, so nothing is transposed.
 */
public final class HuggingFaceCheckpointNames {

    private static final Logger log = LoggerFactory.getLogger(HuggingFaceCheckpointNames.class);

    private HuggingFaceCheckpointNames() {
    }

    /**
     * The project name of a checkpoint parameter, or empty for what is not a parameter of the model here: the
     * {@code position_ids} buffer, the decoder matrix tied to the word embeddings, the next-sentence head.
     */
    public static Optional<String> normalize(String name) {
        String n = name;
        if (n.startsWith("embeddings.") || n.startsWith("encoder.") || n.startsWith("pooler.")) {
            n = "bert." + n;
        }
        if (n.endsWith(".gamma")) {
            n = n.substring(0, n.length() - ".gamma".length()) + ".weight";
        } else if (n.endsWith(".beta")) {
            n = n.substring(0, n.length() - ".beta".length()) + ".bias";
        }
        if (n.equals("cls.predictions.decoder.bias")) {
            // the same tensor as cls.predictions.bias, which some versions save under this name only
            n = "cls.predictions.bias";
        }
        return BertParameterNames.isKnown(n) ? Optional.of(n) : Optional.empty();
    }

    /**
     * Renames every tensor with {@link #normalize} and drops those that are not parameters here.
     *
     * @throws IllegalArgumentException if two tensors with different values map to the same name
     */
    public static Map<String, NamedTensor> normalizeAll(Map<String, NamedTensor> tensors) {
        Map<String, NamedTensor> result = new LinkedHashMap<>();
        for (NamedTensor tensor : tensors.values()) {
            Optional<String> target = normalize(tensor.name());
            if (target.isEmpty()) {
                log.debug("skipping checkpoint tensor {}, not a parameter of the model", tensor.name());
                continue;
            }
            NamedTensor previous = result.get(target.get());
            if (previous != null) {
                if (Arrays.equals(previous.shape(), tensor.shape())
                        && Arrays.equals(previous.values(), tensor.values())) {
                    continue;
                }
                throw new IllegalArgumentException("checkpoint tensors " + previous.name() + " and " + tensor.name()
                        + " both map to " + target.get() + " but hold different values");
            }
            result.put(target.get(), tensor.renamed(target.get()));
        }
        return result;
    }
}
