package dev.bertlab.engine.model;

import java.util.List;

/**
 * What happened when pretrained weights were applied to a model: a fine-tuning run states which parameters
 * started from random values (the classifier always does; MiniLM's ONNX export carries no pooler).
 *
 * @param loaded parameters set from the checkpoint
 * @param initializedRandomly parameters of the model the checkpoint did not have
 * @param unused tensors of the checkpoint the model has no place for (another head, optimizer slots)
 */
public record WeightLoadReport(List<String> loaded, List<String> initializedRandomly, List<String> unused) {

    public WeightLoadReport {
        loaded = List.copyOf(loaded);
        initializedRandomly = List.copyOf(initializedRandomly);
        unused = List.copyOf(unused);
    }
}
