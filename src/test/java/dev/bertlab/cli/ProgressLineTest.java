package dev.bertlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.TrainingEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void aLogFileGetsALineEveryFivePercentWithLossAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        line.onStep(new TrainingEvents.StepLogged(10, 0.1, 0.5123, 3e-5, 1.2, 14.2, 1800, 0.1, 12));
        for (int step = 1; step <= 100; step++) {
            line.onProgress(new TrainingEvents.Progress(step, 100, 1, 1, (100 - step) * 1.5));
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).hasSize(21);
        assertThat(lines[1]).isEqualTo("step 5/100 [#.......................]   5% epoch 1/1 loss 0.5123 lr 3.00e-05 "
                + "14.2 samples/s ETA 02:23");
        assertThat(lines[20]).startsWith("step 100/100 [########################] 100%").endsWith("ETA 00:00");
    }

    @Test
    void durationsReadAsClockTimes() {
        assertThat(ProgressLine.duration(3725)).isEqualTo("1:02:05");
        assertThat(ProgressLine.duration(65)).isEqualTo("01:05");
        assertThat(ProgressLine.duration(Double.NaN)).isEqualTo("--:--");
    }
}
