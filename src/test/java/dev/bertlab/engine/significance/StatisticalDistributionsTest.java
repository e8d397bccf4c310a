package dev.bertlab.engine.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.BinomialTest;
import org.junit.jupiter.api.Test;

/**
 * The p-values and percentiles come from Commons Statistics, configured as the tests McNemar's and the bootstrap's
 * figures were pinned with: the same numbers as the hand-written functions they replaced. Closed forms are checked by
 * hand; the others against scipy 1.17 ({@code stats.chi2.sf}, {@code stats.binomtest}).
 */
class StatisticalDistributionsTest {

    @Test
    void chiSquareTailMatchesTables() {
        // the 95% critical value of chi2(1) is 3.8415; with 2 df the tail is e^(-x/2)
        assertThat(ChiSquaredDistribution.of(1).survivalProbability(3.841458820694124)).isCloseTo(0.05, within(1e-12));
        assertThat(ChiSquaredDistribution.of(2).survivalProbability(6)).isCloseTo(Math.exp(-3), within(1e-14));
        assertThat(ChiSquaredDistribution.of(3).survivalProbability(10)).isCloseTo(0.01856613546304325,
                within(1e-12));
        assertThat(ChiSquaredDistribution.of(1).survivalProbability(0)).isEqualTo(1.0);
    }

    @Test
    void exactBinomialTestByHand() {
        // 2 of 12: 2 * (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2 * 79 / 4096
        assertThat(twoSided(2, 12)).isCloseTo(158.0 / 4096, within(1e-15));
        assertThat(twoSided(10, 12)).isEqualTo(twoSided(2, 12));
        // 0 of 5: 2 / 32
        assertThat(twoSided(0, 5)).isCloseTo(0.0625, within(1e-15));
        assertThat(twoSided(3, 6)).isEqualTo(1.0);
    }

    @Test
    void exactBinomialTestSurvivesLargeCounts() {
        // 2^-2200 underflows a double; scipy: binomtest(1000, 2200).pvalue = 2.1817e-05
        assertThat(twoSided(1000, 2200) / 2.1817026407914194e-05).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void mcNemarWithoutDisagreementsHasNoEvidence() {
        McNemarResult none = McNemarTest.of(5, 0, 0, 5, 0.05);
        assertThat(none.exactP()).isEqualTo(1.0);
        assertThat(none.chiSquareP()).isEqualTo(1.0);
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        double[] values = {5, 1, 4, 2, 3};
        // sorted 1..5: rank 0.25 * 4 = 1 -> 2; rank 0.1 * 4 = 0.4 -> 1.4; rank 0.975 * 4 = 3.9 -> 4.9
        assertThat(PairedBootstrap.PERCENTILE.evaluate(values, 0.25)).isCloseTo(2.0, within(1e-12));
        assertThat(PairedBootstrap.PERCENTILE.evaluate(values, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(PairedBootstrap.PERCENTILE.evaluate(values, 0.975)).isCloseTo(4.9, within(1e-12));
        assertThat(PairedBootstrap.PERCENTILE.evaluate(values, 1.0)).isEqualTo(5.0);
        assertThat(values).as("the resamples are left as they were").containsExactly(5, 1, 4, 2, 3);
    }

    private static double twoSided(int k, int n) {
        return BinomialTest.withDefaults().test(n, k, 0.5).getPValue();
    }
}
