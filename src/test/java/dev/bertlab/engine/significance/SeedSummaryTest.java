package dev.bertlab.engine.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSummaryTest {

    @Test
    void threeSeeds() {
        // mean 0.82; deviations -0.02, 0, 0.02; sample variance (0.0004 + 0 + 0.0004) / 2 = 0.0004; sd 0.02
        SeedSummary summary = SeedSummary.of(0.80, 0.82, 0.84);

        assertThat(summary.runs()).isEqualTo(3);
        assertThat(summary.mean()).isCloseTo(0.82, within(1e-12));
        assertThat(summary.standardDeviation()).isCloseTo(0.02, within(1e-12));
        assertThat(summary.min()).isEqualTo(0.80);
        assertThat(summary.max()).isEqualTo(0.84);
    }

    @Test
    void dividesByRunsMinusOne() {
        // 1, 2, 3, 4: mean 2.5, squares 2.25 + 0.25 + 0.25 + 2.25 = 5, / 3 -> sd sqrt(5 / 3) = 1.2910
        SeedSummary summary = SeedSummary.of(List.of(1, 2, 3, 4));

        assertThat(summary.mean()).isEqualTo(2.5);
        assertThat(summary.standardDeviation()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    }

    @Test
    void oneRunHasNoStandardDeviation() {
        SeedSummary summary = SeedSummary.of(0.9);

        assertThat(summary.mean()).isEqualTo(0.9);
        assertThat(summary.standardDeviation()).isNull();
    }

    @Test
    void rejectsNoRunsAndNonFiniteValues() {
        assertThatThrownBy(SeedSummary::of)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one seed");
        assertThatThrownBy(() -> SeedSummary.of(0.8, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run 1 is NaN");
    }
}
