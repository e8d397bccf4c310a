package dev.bertlab.engine.significance;

import static dev.bertlab.engine.significance.TwoRuns.BINARY;
import static dev.bertlab.engine.significance.TwoRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.eval.PredictionSet;
import org.junit.jupiter.api.Test;

/** Reference p-values were checked with scipy 1.17 ({@code binomtest}, {@code chi2.sf}). */
class McNemarTestTest {

    @Test
    void fewDisagreementsUseTheExactBinomialTest() {
        // b = 10, c = 2: P(X <= 2 | n = 12) = (1 + 12 + 66) / 4096 = 79 / 4096; two-sided = 158 / 4096 = 0.0386
        // chi2 = (|10 - 2| - 1)^2 / 12 = 49 / 12 = 4.083; p = erfc(sqrt(4.083 / 2)) = 0.0433
        McNemarResult result = McNemarTest.of(50, 10, 2, 8, 0.05);

        assertThat(result.exactP()).isCloseTo(158.0 / 4096, within(1e-12));
        assertThat(result.chiSquare()).isCloseTo(49.0 / 12, within(1e-12));
        assertThat(result.chiSquareP()).isCloseTo(0.04330814281079206, within(1e-10));
        assertThat(result.method()).isEqualTo(McNemarMethod.EXACT_BINOMIAL);
        assertThat(result.pValue()).isEqualTo(result.exactP());
        assertThat(result.significant()).isTrue();
        assertThat(result.disagreements()).isEqualTo(12);
    }

    @Test
    void manyDisagreementsUseTheCorrectedChiSquare() {
        // b = 30, c = 45: chi2 = (15 - 1)^2 / 75 = 196 / 75 = 2.6133, p = 0.10597 (exact would be 0.10534)
        McNemarResult result = McNemarTest.of(800, 30, 45, 125, 0.05);

        assertThat(result.method()).isEqualTo(McNemarMethod.CHI_SQUARE_CORRECTED);
        assertThat(result.chiSquare()).isCloseTo(196.0 / 75, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.10596880912720207, within(1e-10));
        assertThat(result.exactP()).isCloseTo(0.10534226887460482, within(1e-10));
        assertThat(result.significant()).isFalse();
    }

    @Test
    void theSwitchToChiSquareIsAt25Disagreements() {
        assertThat(McNemarTest.of(0, 12, 12, 0, 0.05).method()).isEqualTo(McNemarMethod.EXACT_BINOMIAL);
        assertThat(McNemarTest.of(0, 12, 13, 0, 0.05).method()).isEqualTo(McNemarMethod.CHI_SQUARE_CORRECTED);
    }

    @Test
    void equalDisagreementsCarryNoEvidence() {
        // b = c = 5: the correction is floored at 0, so chi2 = 0 and p = 1; exact: 2 * 638 / 1024 > 1, capped at 1
        McNemarResult result = McNemarTest.of(10, 5, 5, 0, 0.05);

        assertThat(result.chiSquare()).isZero();
        assertThat(result.chiSquareP()).isEqualTo(1.0);
        assertThat(result.exactP()).isEqualTo(1.0);
        assertThat(result.significant()).isFalse();
    }

    @Test
    void noDisagreementsAtAllIsNotSignificant() {
        McNemarResult result = McNemarTest.of(90, 0, 0, 10, 0.05);

        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.significant()).isFalse();
    }

    @Test
    void alphaDecidesTheVerdict() {
        // p = 0.0386 is significant at 0.05 but not at 0.01
        assertThat(McNemarTest.of(50, 10, 2, 8, 0.01).significant()).isFalse();
    }

    @Test
    void countsTheTableFromTwoRuns() {
        int[] gold = {0, 1, 1, 0, 1, 0, 1};
        // example: 0 both right, 1 both right, 2 only A, 3 only B, 4 only B, 5 both wrong, 6 only B
        PredictionSet a = run(BINARY, gold, new int[] {0, 1, 1, 1, 0, 1, 0});
        PredictionSet b = run(BINARY, gold, new int[] {0, 1, 0, 0, 1, 1, 1});

        McNemarResult result = McNemarTest.compare(a, b);

        assertThat(result.bothRight()).isEqualTo(2);
        assertThat(result.onlyARight()).isEqualTo(1);
        assertThat(result.onlyBRight()).isEqualTo(3);
        assertThat(result.bothWrong()).isEqualTo(1);
        // 1 of 4 disagreements: 2 * (1 + 4) / 16 = 0.625
        assertThat(result.exactP()).isCloseTo(0.625, within(1e-12));
        assertThat(result.alpha()).isEqualTo(McNemarTest.DEFAULT_ALPHA);
    }

    @Test
    void rejectsNegativeCountsAndAlphaOutsideZeroToOne() {
        assertThatThrownBy(() -> McNemarTest.of(1, -1, 2, 3, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> McNemarTest.of(1, 1, 2, 3, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }
}
