package dev.bertlab.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.InvalidHyperparametersException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static final Hyperparameters BASE = Hyperparameters.builder().learningRate(2e-5).batchSize(16).build();
    private static final SearchSpace SPACE = new SearchSpace(Map.of("learning_rate", List.of(1e-5, 3e-5, 5e-5),
            "classifier_dropout", List.of(0.1, 0.3)));

    @Test
    void gridTriesEveryCombinationWithinTheBudget() {
        List<SweepPlan.Trial> all = SweepPlan.plan(BASE, SPACE, SweepPlan.Strategy.GRID, 10, 0);
        assertThat(all).hasSize(6);
        assertThat(all).extracting(t -> t.hyperparameters().learningRate() + "/" + t.hyperparameters()
                .classifierDropout()).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(t -> assertThat(t.hyperparameters().batchSize()).isEqualTo(16));
        assertThat(SweepPlan.plan(BASE, SPACE, SweepPlan.Strategy.GRID, 4, 0)).hasSize(4);
    }

    @Test
    void randomSearchIsDistinctAndRepeatableForASeed() {
        List<SweepPlan.Trial> first = SweepPlan.plan(BASE, SPACE, SweepPlan.Strategy.RANDOM, 4, 7);
        List<SweepPlan.Trial> again = SweepPlan.plan(BASE, SPACE, SweepPlan.Strategy.RANDOM, 4, 7);
        assertThat(first).extracting(SweepPlan.Trial::overrides).doesNotHaveDuplicates()
                .isEqualTo(again.stream().map(SweepPlan.Trial::overrides).toList());
        assertThat(SweepPlan.plan(BASE, SPACE, SweepPlan.Strategy.RANDOM, 50, 7)).hasSize(6);
    }

    @Test
    void badSpacesAndValuesAreRefusedClearly() {
        assertThatThrownBy(() -> new SearchSpace(Map.of("seed", List.of(1, 2)))).hasMessageContaining("cannot be swept");
        assertThatThrownBy(() -> SweepPlan.plan(BASE, new SearchSpace(Map.of("learning_rate", List.of(-1.0))),
                SweepPlan.Strategy.GRID, 2, 0)).isInstanceOf(InvalidHyperparametersException.class)
                .hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> SweepPlan.plan(BASE, SPACE, SweepPlan.Strategy.GRID, 0, 0))
                .hasMessageContaining("budget");
    }
}
