package dev.bertlab.engine.onnx;

/**
 * A float matrix [in, out] quantized to int8 per output column, symmetrically: column j is stored as
 * round(w / scale[j]) in [-127, 127] with scale[j] = max |w[., j]| / 127. Per-column scales keep a column of small
 * weights from losing its precision to another column's outlier; no zero point is needed, so ONNX Runtime's
 * DynamicQuantizeMatMul takes the values as they are.
 *
 * @param values the quantized matrix, row-major [in, out]
 * @param scales one scale per column
 */
record Int8Columns(byte[] values, float[] scales) {

    static Int8Columns quantize(float[] matrix, int rows, int columns) {
        float[] scales = new float[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                scales[c] = Math.max(scales[c], Math.abs(matrix[r * columns + c]));
            }
        }
        for (int c = 0; c < columns; c++) {
            // an all-zero column keeps scale 1 so that dequantizing stays exact (0 * 1)
            scales[c] = scales[c] == 0 ? 1f : scales[c] / 127f;
        }
        byte[] values = new byte[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long q = Math.round(matrix[r * columns + c] / scales[c]);
                values[r * columns + c] = (byte) Math.max(-127, Math.min(127, q));
            }
        }
        return new Int8Columns(values, scales);
    }

    /**
     * A table [rows, columns] quantized per row (an embedding table: each token's vector keeps its own scale), as the
     * per-column quantization of its transpose, laid out back as [rows, columns]; {@code scales} has one per row.
     */
    static Int8Columns quantizeRows(float[] table, int rows, int columns) {
        float[] transposed = new float[table.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c * rows + r] = table[r * columns + c];
            }
        }
        Int8Columns byColumn = quantize(transposed, columns, rows);
        byte[] values = new byte[table.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = byColumn.values()[c * rows + r];
            }
        }
        return new Int8Columns(values, byColumn.scales());
    }

    /** The largest difference between the matrix and its dequantized copy: at most half a step of its column. */
    double largestError(float[] matrix, int rows, int columns) {
        double worst = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                worst = Math.max(worst, Math.abs(matrix[r * columns + c] - values[r * columns + c] * scales[c]));
            }
        }
        return worst;
    }
}
