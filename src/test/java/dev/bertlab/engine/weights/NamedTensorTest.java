package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedTensorTest {

    @Test
    void rejectsValuesThatDoNotFillTheShape() {
        assertThatThrownBy(() -> new NamedTensor("w", new long[] {2, 3}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w").hasMessageContaining("[2, 3]").hasMessageContaining("6 elements")
                .hasMessageContaining("5 values");
        assertThatThrownBy(() -> new NamedTensor("w", new long[] {-1}, new float[0]))
                .hasMessageContaining("negative");
    }

    @Test
    void scalarAndEmptyTensorsAreValid() {
        assertThat(new NamedTensor("s", new long[0], new float[] {1f}).size()).isEqualTo(1);
        assertThat(new NamedTensor("e", new long[] {0, 3}, new float[0]).size()).isZero();
    }

    @Test
    void keepsItsOwnCopyOfTheShape() {
        long[] shape = {2};
        NamedTensor t = new NamedTensor("t", shape, new float[2]);
        shape[0] = 99;
        assertThat(t.shape()).containsExactly(2);
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        // 70 x 130: not a multiple of the transpose's 64-element blocks
        int rows = 70;
        int cols = 130;
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        NamedTensor t = new NamedTensor("k", new long[] {rows, cols}, values).transposed("w");
        assertThat(t.name()).isEqualTo("w");
        assertThat(t.shape()).containsExactly(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertThat(t.values()[c * rows + r]).isEqualTo(values[r * cols + c]);
            }
        }
    }

    @Test
    void onlyMatricesTranspose() {
        assertThatThrownBy(() -> new NamedTensor("b", new long[] {3}, new float[3]).transposed("b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("b").hasMessageContaining("[3]");
    }

    @Test
    void equalityComparesContents() {
        NamedTensor a = new NamedTensor("a", new long[] {2}, new float[] {1, 2});
        assertThat(a).isEqualTo(new NamedTensor("a", new long[] {2}, new float[] {1, 2}))
                .hasSameHashCodeAs(new NamedTensor("a", new long[] {2}, new float[] {1, 2}))
                .isNotEqualTo(new NamedTensor("a", new long[] {2}, new float[] {1, 3}))
                .isNotEqualTo(new NamedTensor("a", new long[] {1, 2}, new float[] {1, 2}));
    }
}
