package dev.bertlab.engine.predict;

import ai.djl.Device;
import java.util.Locale;

/** What runs a classifier's forward passes when it serves requests. */
public enum ServingRuntime {
    /** The model's model.onnx in ONNX Runtime (CPU): about twice as fast as eager libtorch at batch 1. */
    ONNX_RUNTIME,
    /** The model's int8 graph (model.int8.onnx) in ONNX Runtime: for a model whose int8 accuracy was checked. */
    ONNX_RUNTIME_INT8,
    /** The DJL engine, as in training; the choice on a GPU, since the ONNX Runtime build here is CPU-only. */
    DJL;

    public boolean onnx() {
        return this != DJL;
    }

    /** {@code auto} (ONNX Runtime on a CPU, DJL on a GPU), {@code onnx}, {@code onnx-int8} or {@code djl}. */
    public static ServingRuntime choose(String setting, Device device) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> device.isGpu() ? DJL : ONNX_RUNTIME;
            case "onnx", "onnxruntime", "onnx-runtime" -> ONNX_RUNTIME;
            case "onnx-int8", "int8" -> ONNX_RUNTIME_INT8;
            case "djl", "pytorch" -> DJL;
            default -> throw new IllegalArgumentException("serving runtime '" + setting
                    + "' is not one of auto, onnx, onnx-int8, djl");
        };
    }
}
