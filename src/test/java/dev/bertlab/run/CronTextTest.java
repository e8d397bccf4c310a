package dev.bertlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CronTextTest {

    @Test
    void unixLinesBecomeQuartzExpressions() {
        assertThat(CronText.toQuartz("0 1 * * *")).isEqualTo("0 0 1 * * ?");
        assertThat(CronText.toQuartz("30 22 * * 1-5")).isEqualTo("0 30 22 ? * 2-6");
        assertThat(CronText.toQuartz("0 3 1 * *")).isEqualTo("0 0 3 1 * ?");
        assertThat(CronText.toQuartz("0 6 * * 0")).isEqualTo("0 0 6 ? * 1");
        assertThat(CronText.toQuartz("nightly")).isEqualTo(CronText.NIGHTLY);
        assertThat(CronText.toQuartz("0 15 10 ? * MON-FRI")).isEqualTo("0 15 10 ? * MON-FRI");
    }

    @Test
    void nonsenseIsRefusedWithAHint() {
        assertThatThrownBy(() -> CronText.toQuartz("every night")).isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("five fields");
        assertThatThrownBy(() -> CronText.toQuartz("61 1 * * *")).isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("not a valid cron expression");
        assertThatThrownBy(() -> CronText.toQuartz(" ")).isInstanceOf(InvalidScheduleException.class);
    }
}
