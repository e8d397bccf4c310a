package dev.bertlab.engine.pretrained;

import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.weights.NamedTensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A pre-trained or fine-tuned BERT ready to build a model from: its architecture, tokenizer and weights under
 * Hugging Face's names.
 *
 * @param name the registry name or the directory it came from
 * @param config the architecture
 * @param tokenizerJson a tokenizer.json without length rules
 * @param lowercase whether the tokenizer lowercases (uncased models)
 * @param weights tensors by Hugging Face name
 * @param labels class names of a fine-tuned classifier, empty otherwise
 * @param regression whether a fine-tuned model is a regressor
 * @param trainedMaxLength tokens per input a fine-tuned model was trained with, else the position count
 */
public record PretrainedBert(String name, BertConfig config, Path tokenizerJson, boolean lowercase,
        Map<String, NamedTensor> weights, List<String> labels, boolean regression, int trainedMaxLength) {

    public PretrainedBert {
        labels = List.copyOf(labels);
    }

    /** Whether this directory holds a fine-tuned head (a classifier or regressor). */
    public boolean isFineTuned() {
        return weights.containsKey("classifier.weight");
    }
}
