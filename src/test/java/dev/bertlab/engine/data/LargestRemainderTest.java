package dev.bertlab.engine.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LargestRemainderTest {

    @Test
    void partsSumToTheTotalAndFollowTheLargestRemainders() {
        // exact shares of 10 by 1:1:1 are 3.33 each: the lowest index takes the extra unit
        assertThat(LargestRemainder.apportion(10, new int[] {1, 1, 1}, new int[] {10, 10, 10}))
                .containsExactly(4, 3, 3);
        // shares of 7 by 5:3:2 are 3.5, 2.1, 1.4: the remaining unit goes to the largest fraction, .5
        assertThat(LargestRemainder.apportion(7, new int[] {5, 3, 2}, new int[] {5, 3, 2}))
                .containsExactly(4, 2, 1);
    }

    @Test
    void capacitiesAreRespected() {
        assertThat(LargestRemainder.apportion(4, new int[] {1, 1}, new int[] {1, 5})).containsExactly(1, 3);
        assertThatThrownBy(() -> LargestRemainder.apportion(4, new int[] {1, 1}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
