package dev.bertlab.engine.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StratifiedSplitterTest {

    /** 60 of class 0, 30 of class 1, 10 of class 2, interleaved. */
    static List<Example> pool() {
        List<Example> pool = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int label = i % 10 == 0 ? 2 : i % 3 == 0 ? 1 : 0;
            pool.add(Example.classified("e" + i, "text " + i, null, label));
        }
        return pool;
    }

    static int[] countLabels(List<Example> examples, int numLabels) {
        int[] counts = new int[numLabels];
        examples.forEach(example -> counts[example.label()]++);
        return counts;
    }

    @Test
    void sizesAreExactAndClassesKeepTheirProportions() {
        List<Example> pool = pool();
        int[] whole = countLabels(pool, 3);
        Map<Split, List<Example>> splits = StratifiedSplitter.stratified(pool, 3, 20, 30, 7);

        assertThat(splits.get(Split.VALIDATION)).hasSize(20);
        assertThat(splits.get(Split.TEST)).hasSize(30);
        assertThat(splits.get(Split.TRAIN)).hasSize(50);
        for (Split split : Split.values()) {
            int[] counts = countLabels(splits.get(split), 3);
            for (int c = 0; c < 3; c++) {
                double expected = (double) whole[c] * splits.get(split).size() / pool.size();
                assertThat((double) counts[c]).as("class %d in %s", c, split).isBetween(expected - 1, expected + 1);
            }
        }
    }

    @Test
    void everyExampleLandsInExactlyOneSplitInPoolOrder() {
        List<Example> pool = pool();
        Map<Split, List<Example>> splits = StratifiedSplitter.stratified(pool, 3, 20, 30, 7);
        List<Example> all = new ArrayList<>();
        splits.values().forEach(all::addAll);
        assertThat(all).containsExactlyInAnyOrderElementsOf(pool);
        for (List<Example> split : splits.values()) {
            assertThat(split).isSortedAccordingTo((a, b) -> Integer.compare(pool.indexOf(a), pool.indexOf(b)));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        assertThat(StratifiedSplitter.stratified(pool(), 3, 20, 30, 7))
                .isEqualTo(StratifiedSplitter.stratified(pool(), 3, 20, 30, 7));
        assertThat(StratifiedSplitter.stratified(pool(), 3, 20, 30, 7).get(Split.TEST))
                .isNotEqualTo(StratifiedSplitter.stratified(pool(), 3, 20, 30, 8).get(Split.TEST));
    }

    @Test
    void aClassOfTwoKeepsOneInTrain() {
        List<Example> pool = new ArrayList<>();
        pool.add(Example.classified("r0", "rare", null, 1));
        pool.add(Example.classified("r1", "rare", null, 1));
        for (int i = 0; i < 8; i++) {
            pool.add(Example.classified("c" + i, "common", null, 0));
        }
        for (long seed = 0; seed < 20; seed++) {
            Map<Split, List<Example>> splits = StratifiedSplitter.stratified(pool, 2, 4, 4, seed);
            assertThat(countLabels(splits.get(Split.TRAIN), 2)[1]).isGreaterThanOrEqualTo(1);
            assertThat(splits.get(Split.TRAIN)).hasSize(2);
        }
    }

    @Test
    void refusesSizesLargerThanThePool() {
        assertThatThrownBy(() -> StratifiedSplitter.stratified(pool(), 3, 60, 50, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of 100");
    }

    @Test
    void randomSplitForRegressionIsExactAndSeeded() {
        List<Example> pool = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pool.add(Example.regression("r" + i, "t" + i, null, i * 0.5));
        }
        Map<Split, List<Example>> splits = StratifiedSplitter.random(pool, 5, 10, 3);
        assertThat(splits.get(Split.VALIDATION)).hasSize(5);
        assertThat(splits.get(Split.TEST)).hasSize(10);
        assertThat(splits.get(Split.TRAIN)).hasSize(35);
        assertThat(StratifiedSplitter.random(pool, 5, 10, 3)).isEqualTo(splits);
        assertThat(StratifiedSplitter.random(pool, 5, 10, 4).get(Split.TEST)).isNotEqualTo(splits.get(Split.TEST));
    }
}
