package dev.bertlab.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxOperatorProfileTest {

    @TempDir
    Path directory;

    /** ONNX Runtime's profile, trimmed: a warm-up pass, then two measured passes of two nodes each. */
    private static final String PROFILE = """
            [{"cat": "Session", "name": "session_initialization", "ts": 0, "dur": 900},
             {"cat": "Session", "name": "model_run", "ts": 1000, "dur": 500},
             {"cat": "Node", "name": "q_kernel_time", "ts": 1010, "dur": 400, "args": {"op_name": "DynamicQuantizeMatMul"}},
             {"cat": "Session", "name": "model_run", "ts": 2000, "dur": 500},
             {"cat": "Node", "name": "q_fence_before", "ts": 2005, "dur": 0, "args": {"op_name": "DynamicQuantizeMatMul"}},
             {"cat": "Node", "name": "q_kernel_time", "ts": 2010, "dur": 300, "args": {"op_name": "DynamicQuantizeMatMul"}},
             {"cat": "Node", "name": "a_kernel_time", "ts": 2310, "dur": 100, "args": {"op_name": "Attention"}},
             {"cat": "Session", "name": "model_run", "ts": 3000, "dur": 500},
             {"cat": "Node", "name": "q_kernel_time", "ts": 3010, "dur": 100, "args": {"op_name": "DynamicQuantizeMatMul"}},
             {"cat": "Node", "name": "a_kernel_time", "ts": 3110, "dur": 300, "args": {"op_name": "Attention"}}]
            """;

    @Test
    void kernelTimesAreSummedPerOperatorTypeAndPassLeavingOutTheWarmUp() throws Exception {
        Path file = directory.resolve("profile.json");
        Files.writeString(file, PROFILE);
        OnnxOperatorProfile.Profile profile = OnnxOperatorProfile.read(file, 1);
        assertThat(profile.runs()).isEqualTo(2);
        assertThat(profile.operators()).extracting(OnnxOperatorProfile.Operator::type)
                .containsExactly("Attention", "DynamicQuantizeMatMul");
        assertThat(profile.millisOf("Attention"::equals)).isCloseTo(0.2, within(1e-12));
        assertThat(profile.millisOf(OnnxOperatorProfile.QUANTIZED)).as("0.3 and 0.1 ms over two passes, the "
                + "warm-up's 0.4 left out").isCloseTo(0.2, within(1e-12));
        assertThat(profile.totalMillis()).isCloseTo(0.4, within(1e-12));
        assertThat(profile.operators().get(0).nodesPerRun()).isEqualTo(1);

        assertThatThrownBy(() -> OnnxOperatorProfile.read(file, 3)).hasMessageContaining("3 forward passes");
    }
}
