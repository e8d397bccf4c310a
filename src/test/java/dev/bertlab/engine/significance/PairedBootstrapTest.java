package dev.bertlab.engine.significance;

import static dev.bertlab.engine.significance.TwoRuns.THREE;
import static dev.bertlab.engine.significance.TwoRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.PredictionSet;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    private static final PredictionSet[] RUNS = TwoRuns.thousandExamples();

    @Test
    void pointDifferencesAreComputedByHand() {
        PairedBootstrapResult result = PairedBootstrap.withSeed(7).compare(RUNS[0], RUNS[1]);

        // accuracy: A 830 / 1000, B 870 / 1000
        assertThat(result.accuracy().scoreA()).isCloseTo(0.83, within(1e-12));
        assertThat(result.accuracy().scoreB()).isCloseTo(0.87, within(1e-12));
        assertThat(result.accuracy().difference()).isCloseTo(0.04, within(1e-12));
        // F1 of pos = 2 TP / (2 TP + FP + FN): A 860 / (860 + 100 + 70), B 940 / (940 + 100 + 30)
        assertThat(result.f1().scoreA()).isCloseTo(860.0 / 1030, within(1e-12));
        assertThat(result.f1().scoreB()).isCloseTo(940.0 / 1070, within(1e-12));
        assertThat(result.f1().difference()).isCloseTo(940.0 / 1070 - 860.0 / 1030, within(1e-12));
        assertThat(result.accuracy().metric()).isEqualTo("accuracy");
        assertThat(result.f1().metric()).isEqualTo("F1");
        assertThat(result.examples()).isEqualTo(1000);
        assertThat(result.resamples()).isEqualTo(PairedBootstrap.DEFAULT_RESAMPLES);
    }

    @Test
    void accuracyIntervalMatchesTheNormalApproximation() {
        // per example B - A is +1 (70 times), -1 (30 times) or 0: mean 0.04, E[d^2] = 0.1, variance 0.1 - 0.0016
        // = 0.0984; standard error sqrt(0.0984 / 1000) = 0.00992; 95%: 0.04 -/+ 1.96 * 0.00992 = 0.0206 .. 0.0594
        PairedBootstrapResult result = new PairedBootstrap(10_000, 11).compare(RUNS[0], RUNS[1]);

        assertThat(result.accuracy().lower()).isCloseTo(0.0206, within(0.003));
        assertThat(result.accuracy().upper()).isCloseTo(0.0594, within(0.003));
        assertThat(result.accuracy().excludesZero()).isTrue();
        assertThat(result.f1().lower()).isLessThan(result.f1().difference());
        assertThat(result.f1().upper()).isGreaterThan(result.f1().difference());
        assertThat(result.f1().excludesZero()).isTrue();
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherDraws() {
        PairedBootstrapResult first = new PairedBootstrap(1000, 42).compare(RUNS[0], RUNS[1]);
        PairedBootstrapResult again = new PairedBootstrap(1000, 42).compare(RUNS[0], RUNS[1]);
        PairedBootstrapResult other = new PairedBootstrap(1000, 43).compare(RUNS[0], RUNS[1]);

        assertThat(again).isEqualTo(first);
        assertThat(other.accuracy().difference()).isEqualTo(first.accuracy().difference());
        assertThat(other.accuracy().lower() != first.accuracy().lower()
                || other.accuracy().upper() != first.accuracy().upper()).isTrue();
    }

    @Test
    void runBInAnotherOrderGivesTheSameResult() {
        PairedBootstrap bootstrap = new PairedBootstrap(1000, 5);

        assertThat(bootstrap.compare(RUNS[0], TwoRuns.shuffled(RUNS[1], 99)))
                .isEqualTo(bootstrap.compare(RUNS[0], RUNS[1]));
    }

    @Test
    void identicalRunsDifferByExactlyZero() {
        PairedBootstrapResult result = PairedBootstrap.withSeed(1).compare(RUNS[0], RUNS[0]);

        assertThat(result.accuracy().difference()).isZero();
        assertThat(result.accuracy().lower()).isZero();
        assertThat(result.accuracy().upper()).isZero();
        assertThat(result.accuracy().excludesZero()).isFalse();
        assertThat(result.f1().excludesZero()).isFalse();
    }

    @Test
    void aSmallNoisyDifferenceIsNotSignificant() {
        // 200 examples, b = 10, c = 12: B is 1 point better; standard error sqrt((22 / 200 - 0.01^2) / 200) = 0.0234
        PredictionSet[] runs = TwoRuns.expand(new int[][] {{100, 1, 1, 1}, {70, 0, 0, 0}, {10, 1, 1, 0},
                {12, 0, 1, 0}, {8, 0, 1, 1}}, TwoRuns.BINARY);

        BootstrapDifference accuracy = PairedBootstrap.withSeed(3).compare(runs[0], runs[1]).accuracy();

        assertThat(accuracy.difference()).isCloseTo(0.01, within(1e-12));
        assertThat(accuracy.lower()).isNegative();
        assertThat(accuracy.upper()).isPositive();
        assertThat(accuracy.excludesZero()).isFalse();
    }

    @Test
    void threeClassesCompareMacroF1() {
        int[] gold = {0, 1, 2, 0, 1, 2};
        // A: class a F1 1, b: P 1/2 R 1/2, c: P 1/2 R 1/2 -> macro (1 + 0.5 + 0.5) / 3 = 2/3; accuracy 4/6
        PredictionSet a = run(THREE, gold, new int[] {0, 1, 1, 0, 2, 2});
        // B: class a F1 1, b: P 2/3 R 1 -> 0.8, c: P 1 R 1/2 -> 2/3; macro (1 + 0.8 + 2/3) / 3 = 0.8222; accuracy 5/6
        PredictionSet b = run(THREE, gold, new int[] {0, 1, 2, 0, 1, 1});

        PairedBootstrapResult result = PairedBootstrap.withSeed(9).compare(a, b);

        assertThat(result.f1().metric()).isEqualTo("macro F1");
        assertThat(result.f1().scoreA()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(result.f1().scoreB()).isCloseTo((1 + 0.8 + 2.0 / 3) / 3, within(1e-12));
        assertThat(result.accuracy().difference()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(result.f1().scoreB()).isCloseTo(f1Macro(gold, b), within(1e-12));
    }

    @Test
    void refusesResampleCountsOutsideTheRange() {
        assertThatThrownBy(() -> new PairedBootstrap(999, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1000 and 10000, got 999");
        assertThatThrownBy(() -> new PairedBootstrap(10_001, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double f1Macro(int[] gold, PredictionSet set) {
        float[][] probabilities = set.predictions().stream().map(p -> p.probabilities()).toArray(float[][]::new);
        return ClassificationMetrics.compute(gold, probabilities, set.labels()).f1Macro();
    }
}
