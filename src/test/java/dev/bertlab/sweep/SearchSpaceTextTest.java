package dev.bertlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bertlab.engine.sweep.SearchSpace;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSpaceTextTest {

    @Test
    void readsNumbersIntegersAndNamesAndWritesThemBackAsTyped() {
        SearchSpace space = SearchSpaceText.parse("""
                # the knobs of tonight's sweep
                learning_rate: 2e-5, 3e-5
                batch_size: 8, 16

                scheduler: LINEAR, COSINE
                """);
        assertThat(space.values().get("learning_rate")).containsExactly(2e-5, 3e-5);
        assertThat(space.values().get("batch_size")).containsExactly(8, 16);
        assertThat(space.values().get("scheduler")).containsExactly("LINEAR", "COSINE");
        assertThat(SearchSpaceText.format(space)).isEqualTo("""
                learning_rate: 2e-5, 3e-5
                batch_size: 8, 16
                scheduler: LINEAR, COSINE
                """);
    }

    @Test
    void saysWhichLineIsWrong() {
        assertThatThrownBy(() -> SearchSpaceText.parse("learning_rate: 2e-5\nbatch size 8"))
                .hasMessage("line 2: write 'name: value, value, ...'");
        assertThatThrownBy(() -> SearchSpaceText.parse("epochs: 1\nepochs: 2"))
                .hasMessage("line 2: epochs is listed twice");
        assertThatThrownBy(() -> SearchSpaceText.parse("seed: 1, 2")).hasMessageContaining("'seed' cannot be swept");
    }

    @Test
    void writesSmallRatesTheWayPeopleDo() {
        assertThat(List.of(1e-4, 0.1, 3, "LINEAR").stream().map(SearchSpaceText::valueText))
                .containsExactly("1e-4", "0.1", "3", "LINEAR");
    }
}
