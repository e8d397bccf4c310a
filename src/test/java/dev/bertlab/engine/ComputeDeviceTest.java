package dev.bertlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class ComputeDeviceTest {

    @Test
    void autoTakesAGpuWhenThereIsOneElseTheCpu() {
        Device expected = Engine.getInstance().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
        assertThat(ComputeDevice.select("auto")).isEqualTo(expected);
        assertThat(ComputeDevice.select("cpu")).isEqualTo(Device.cpu());
    }

    @Test
    void aMissingGpuOrABadNameIsAClearError() {
        int gpus = Engine.getInstance().getGpuCount();
        assertThatThrownBy(() -> ComputeDevice.select("cuda:" + gpus)).hasMessageContaining("CUDA device");
        assertThatThrownBy(() -> ComputeDevice.select("tpu")).hasMessageContaining("auto, cpu, cuda or cuda:N");
    }
}
