package dev.bertlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** libtorch takes the precision it is asked for and reports it back; on this CPU "medium" still computes in fp32. */
class LibTorchMatmulTest {

    @AfterEach
    void backToTheDefault() {
        LibTorchMatmul.set(MatmulPrecision.defaultFor(false));
    }

    @Test
    void libtorchHoldsThePrecisionItIsAskedFor() {
        for (MatmulPrecision precision : MatmulPrecision.values()) {
            assertThat(LibTorchMatmul.set(precision)).contains(precision);
            assertThat(LibTorchMatmul.current()).contains(precision);
        }
    }

    @Test
    void mediumGivesTheSameProductsAsHighestWithinFloat32Rounding() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            NDArray a = manager.randomNormal(new Shape(64, 768));
            NDArray b = manager.randomNormal(new Shape(768, 256));
            LibTorchMatmul.set(MatmulPrecision.HIGHEST);
            float[] exact = a.matMul(b).toFloatArray();
            LibTorchMatmul.set(MatmulPrecision.MEDIUM);
            float[] medium = a.matMul(b).toFloatArray();
            double largestDifference = 0;
            double largestValue = 0;
            for (int i = 0; i < exact.length; i++) {
                largestDifference = Math.max(largestDifference, Math.abs(exact[i] - medium[i]));
                largestValue = Math.max(largestValue, Math.abs(exact[i]));
            }
            double largest = largestDifference / largestValue;
            System.out.printf("matmul precision medium vs highest: largest difference %.3g of the largest value%n",
                    largest);
            // bfloat16 would be off by about 1e-3; float32 through another kernel by about 1e-7
            assertThat(largest).as("largest relative difference").isLessThan(CpuFeatures.hasAmx() ? 2e-2 : 1e-5);
        }
    }

    @Test
    void theNamesAreThoseOfTorchSetFloat32MatmulPrecision() {
        assertThat(MatmulPrecision.of("Medium")).isEqualTo(MatmulPrecision.MEDIUM);
        assertThat(MatmulPrecision.HIGH.text()).isEqualTo("high");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MatmulPrecision.of("low"))
                .hasMessageContaining("highest, high or medium");
    }
}
