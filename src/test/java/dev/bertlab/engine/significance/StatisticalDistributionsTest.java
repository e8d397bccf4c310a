package dev.bertlab.engine.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The special functions behind the p-values. Closed forms are checked by hand; the others against scipy 1.17
 * ({@code special.gammaincc}, {@code special.gammaln}, {@code stats.chi2.sf}, {@code stats.binomtest}).
 */
class StatisticalDistributionsTest {

    @Test
    void upperGammaOfOneIsTheExponentialTail() {
        // Q(1, x) = e^-x, on both sides of the series / continued fraction switch at x = a + 1 = 2
        for (double x : new double[] {0.1, 1.0, 1.99, 2.01, 5.0, 40.0}) {
            assertThat(RegularizedGamma.upper(1, x)).as("x = %s", x).isCloseTo(Math.exp(-x), within(1e-14));
        }
        assertThat(RegularizedGamma.upper(1, 0)).isEqualTo(1.0);
    }

    @Test
    void upperGammaMatchesScipy() {
        assertThat(RegularizedGamma.upper(2.5, 0.5)).isCloseTo(0.9625657732472964, within(1e-13));
        assertThat(RegularizedGamma.upper(10, 3)).isCloseTo(0.9988975118698845, within(1e-13));
        // deep in the tail the error that matters is relative
        assertThat(RegularizedGamma.upper(0.5, 30) / 9.485737571073857e-15).isCloseTo(1.0, within(1e-10));
    }

    @Test
    void logGammaMatchesKnownValues() {
        // Γ(1/2) = sqrt(π); Γ(5) = 4! = 24
        assertThat(RegularizedGamma.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(RegularizedGamma.logGamma(5)).isCloseTo(Math.log(24), within(1e-13));
        assertThat(RegularizedGamma.logGamma(10.3)).isCloseTo(13.482036786138359, within(1e-12));
        assertThat(RegularizedGamma.logGamma(0.1)).isCloseTo(2.252712651734206, within(1e-13));
    }

    @Test
    void chiSquareTailMatchesTables() {
        // the 95% critical value of chi2(1) is 3.8415; with 2 df the tail is e^(-x/2)
        assertThat(ChiSquareDistribution.upperTail(3.841458820694124, 1)).isCloseTo(0.05, within(1e-12));
        assertThat(ChiSquareDistribution.upperTail(6, 2)).isCloseTo(Math.exp(-3), within(1e-14));
        assertThat(ChiSquareDistribution.upperTail(10, 3)).isCloseTo(0.01856613546304325, within(1e-12));
        assertThat(ChiSquareDistribution.upperTail(0, 1)).isEqualTo(1.0);
    }

    @Test
    void exactBinomialTestByHand() {
        // 2 of 12: 2 * (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2 * 79 / 4096
        assertThat(BinomialTest.twoSidedHalf(2, 12)).isCloseTo(158.0 / 4096, within(1e-15));
        assertThat(BinomialTest.twoSidedHalf(10, 12)).isEqualTo(BinomialTest.twoSidedHalf(2, 12));
        // 0 of 5: 2 / 32
        assertThat(BinomialTest.twoSidedHalf(0, 5)).isCloseTo(0.0625, within(1e-15));
        assertThat(BinomialTest.twoSidedHalf(3, 6)).isEqualTo(1.0);
        assertThat(BinomialTest.twoSidedHalf(0, 0)).isEqualTo(1.0);
    }

    @Test
    void exactBinomialTestSurvivesLargeCounts() {
        // 2^-2200 underflows a double; scipy: binomtest(1000, 2200).pvalue = 2.1817e-05
        assertThat(BinomialTest.twoSidedHalf(1000, 2200) / 2.1817026407914194e-05).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThatThrownBy(() -> BinomialTest.twoSidedHalf(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegularizedGamma.upper(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquareDistribution.upperTail(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        double[] sorted = {1, 2, 3, 4, 5};
        // rank 0.25 * 4 = 1 -> 2; rank 0.1 * 4 = 0.4 -> 1.4; rank 0.975 * 4 = 3.9 -> 4.9
        assertThat(Percentile.of(sorted, 0.25)).isCloseTo(2.0, within(1e-12));
        assertThat(Percentile.of(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(Percentile.of(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
        assertThat(Percentile.of(sorted, 1.0)).isEqualTo(5.0);
    }
}
