package dev.bertlab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class HostDropoutTest {

    @Test
    void dropsAboutTheRateAndScalesTheRestSoTheMeanIsKept() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray ones = manager.ones(new Shape(1000, 1001));
            HostDropout dropout = new HostDropout();
            dropout.reseed(7);
            float[] out = dropout.apply(ones, 0.3f).toFloatArray();
            long dropped = 0;
            double sum = 0;
            for (float v : out) {
                if (v == 0f) {
                    dropped++;
                } else {
                    assertThat(v).isEqualTo(1f / 0.7f);
                }
                sum += v;
            }
            assertThat((double) dropped / out.length).isCloseTo(0.3, within(0.003));
            assertThat(sum / out.length).isCloseTo(1.0, within(0.005));
        }
    }

    @Test
    void theSameSeedDropsTheSameUnits() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray ones = manager.ones(new Shape(64, 33));
            HostDropout dropout = new HostDropout();
            dropout.reseed(11);
            float[] first = dropout.apply(ones, 0.1f).toFloatArray();
            float[] next = dropout.apply(ones, 0.1f).toFloatArray();
            dropout.reseed(11);
            assertThat(dropout.apply(ones, 0.1f).toFloatArray()).containsExactly(first);
            assertThat(next).isNotEqualTo(first);
        }
    }
}
