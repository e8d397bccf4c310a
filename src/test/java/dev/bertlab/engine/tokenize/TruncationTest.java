package dev.bertlab.engine.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TruncationTest {

    private static final int[] TOKENS = IntStream.range(0, 10).toArray();

    @Test
    void headTailAndHeadPlusTailKeepTheirParts() {
        assertThat(Truncation.HEAD.apply(TOKENS, 4)).containsExactly(0, 1, 2, 3);
        assertThat(Truncation.parse("tail").apply(TOKENS, 4)).containsExactly(6, 7, 8, 9);
        assertThat(Truncation.parse("head+tail:1").apply(TOKENS, 4)).containsExactly(0, 7, 8, 9);
        assertThat(Truncation.HEAD.apply(TOKENS, 20)).isSameAs(TOKENS);
    }

    @Test
    void parsesAndPrintsTheSameSpelling() {
        assertThat(Truncation.parse("head+tail:128").toString()).isEqualTo("head+tail:128");
        assertThatThrownBy(() -> Truncation.parse("middle")).hasMessageContaining("head, tail");
    }
}
