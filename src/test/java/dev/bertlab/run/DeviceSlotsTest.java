package dev.bertlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceSlotsTest {

    @Test
    void cpuSlotsAndOneSlotPerGpu() {
        DeviceSlots slots = new DeviceSlots(2, () -> 2);
        assertThat(slots.all()).containsExactly("cpu-1", "cpu-2", "cuda:0", "cuda:1");
        assertThat(slots.candidates("cpu")).containsExactly("cpu-1", "cpu-2");
        assertThat(slots.candidates("auto")).containsExactly("cuda:0", "cuda:1");
        assertThat(slots.candidates("cuda")).containsExactly("cuda:0", "cuda:1");
        assertThat(slots.candidates("cuda:1")).containsExactly("cuda:1");
        assertThat(slots.candidates("cuda:2")).isEmpty();
        assertThat(DeviceSlots.engineDevice("cpu-2")).isEqualTo("cpu");
        assertThat(DeviceSlots.engineDevice("cuda:1")).isEqualTo("cuda:1");
    }

    @Test
    void withoutAGpuAutoMeansTheCpuAndCudaNothing() {
        DeviceSlots slots = new DeviceSlots(1, () -> 0);
        assertThat(slots.candidates("auto")).containsExactly("cpu-1");
        assertThat(slots.candidates("cuda")).isEmpty();
        assertThat(slots.unavailable("cuda")).contains("0 GPU(s)");
    }

    @Test
    void aFailingEngineLeavesTheCpuSlots() {
        DeviceSlots slots = new DeviceSlots(1, () -> {
            throw new IllegalStateException("no native library");
        });
        assertThat(slots.all()).containsExactly("cpu-1");
    }
}
