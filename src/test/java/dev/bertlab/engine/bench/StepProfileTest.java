package dev.bertlab.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepProfileTest {

    @TempDir
    Path directory;

    @Test
    void anOperatorsSelfTimeLeavesOutTheOperatorsItCalled() throws Exception {
        // libtorch's trace: aten::linear (10 ms) calls aten::t (1 ms) and aten::addmm (6 ms); another thread's mm
        Path trace = directory.resolve("trace.json");
        Files.writeString(trace, """
                [{"name": "aten::linear", "ph": "X", "ts": 0, "dur": 10000, "tid": 1},
                 {"name": "aten::t", "ph": "X", "ts": 100, "dur": 1000, "tid": 1},
                 {"name": "aten::addmm", "ph": "X", "ts": 2000, "dur": 6000, "tid": 1},
                 {"name": "aten::mm", "ph": "X", "ts": 500, "dur": 3000.5, "tid": 2},
                 {"name": "aten::addmm", "ph": "X", "ts": 20000, "dur": 2000, "tid": 1},
                 {"name": "process_name", "ph": "M", "tid": 1}]
                """);
        List<StepProfile.Operator> operators = StepProfile.read(trace);
        assertThat(operators).extracting(StepProfile.Operator::name)
                .containsExactly("aten::addmm", "aten::mm", "aten::linear", "aten::t");
        StepProfile.Operator addmm = operators.get(0);
        assertThat(addmm.calls()).isEqualTo(2);
        assertThat(addmm.selfMillis()).isCloseTo(8.0, within(1e-9));
        assertThat(operators.get(1).selfMillis()).isCloseTo(3.0005, within(1e-9));
        assertThat(operators.get(2).selfMillis()).as("10 ms less its two children").isCloseTo(3.0, within(1e-9));
    }
}
