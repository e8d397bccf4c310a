package dev.bertlab.engine.predict;

import ai.djl.Device;
import java.util.Locale;

/** What runs a classifier's forward passes when it serves requests. */
public enum ServingRuntime {
    /** The model's model.onnx in ONNX Runtime (CPU): about twice as fast as eager libtorch at batch 1. */
    ONNX_RUNTIME,
    /** The DJL engine, as in training; the choice on a GPU, since the ONNX Runtime build here is CPU-only. */
    DJL;

    /** {@code auto} (ONNX Runtime on a CPU, DJL on a GPU), {@code onnx} or {@code djl}. */
    public static ServingRuntime choose(String setting, Device device) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> device.isGpu() ? DJL : ONNX_RUNTIME;
            case "onnx", "onnxruntime", "onnx-runtime" -> ONNX_RUNTIME;
            case "djl", "pytorch" -> DJL;
            default -> throw new IllegalArgumentException("serving runtime '" + setting
                    + "' is not one of auto, onnx, djl");
        };
    }
}
