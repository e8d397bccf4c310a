package dev.bertlab.engine.model;

import ai.djl.ndarray.types.DataType;

/**
 * The data type matrix products run in. Master weights, LayerNorm, softmax and the loss always stay in float32,
 * as under PyTorch's autocast; fp16 only pays off on a GPU with tensor cores, and the trainer scales the loss
 * dynamically so that small fp16 gradients do not flush to zero.
 *
 * <p>There is no bf16: DJL 0.36's PyTorch JNI has no mapping for bfloat16 and aborts the whole process
 * ({@code terminate called without an active exception}) on any cast to it.
 */
public enum ComputePrecision {
    FP32(DataType.FLOAT32),
    FP16(DataType.FLOAT16);

    private final DataType dataType;

    ComputePrecision(DataType dataType) {
        this.dataType = dataType;
    }

    public DataType dataType() {
        return dataType;
    }

    public boolean isReduced() {
        return this != FP32;
    }
}
