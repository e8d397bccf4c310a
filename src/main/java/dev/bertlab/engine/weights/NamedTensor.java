package dev.bertlab.engine.weights;

/** Placeholder until the weights branch lands. */
public record NamedTensor(String name, long[] shape, float[] values) {
}
