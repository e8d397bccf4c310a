package dev.bertlab.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * libtorch's float32 matrix-product precision, as PyTorch's {@code torch.set_float32_matmul_precision} names it.
 * On a CPU with AVX-512, {@link #MEDIUM} sends float32 matrix products to oneDNN, whose AVX-512 kernels are about
 * twice as fast here as the oneMKL path libtorch otherwise takes on AMD CPUs, and still compute in float32 on CPUs
 * without AMX (measured: largest relative error against oneMKL 7.6e-7). On CPUs with AMX, and on GPUs, MEDIUM and HIGH
 * allow bfloat16 or TF32 internally: faster, less exact.
 */
public enum MatmulPrecision {
    HIGHEST, HIGH, MEDIUM;

    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MatmulPrecision of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(p -> p.text().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("matmul_precision must be highest, high or medium, got '"
                        + text + "'"));
    }

    /**
     * The default, chosen by measurement (README, "Matmul precision"): MEDIUM on a CPU without AMX, where it is as
     * exact as HIGHEST and faster; HIGHEST on a GPU and on CPUs with AMX, where it would lower the precision.
     */
    public static MatmulPrecision defaultFor(boolean onGpu) {
        return onGpu || CpuFeatures.hasAmx() ? HIGHEST : MEDIUM;
    }
}
