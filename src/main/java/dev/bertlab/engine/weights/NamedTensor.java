package dev.bertlab.engine.weights;

import java.util.Arrays;

/**
 * One float32 parameter of a model, by its Hugging Face name, in row-major (C) order. A plain holder: the arrays are
 * shared, not copied, because a BERT-base checkpoint is 440 MB and copies of it add up.
 *
 * @param name the parameter name, e.g. {@code bert.encoder.layer.0.attention.self.query.weight}
 * @param shape the dimensions, outermost first; {@code []} for a scalar
 * @param values the elements in row-major order; its length is the product of {@code shape}
 */
public record NamedTensor(String name, long[] shape, float[] values) {

    public NamedTensor {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a tensor needs a non-empty name");
        }
        if (shape == null || values == null) {
            throw new IllegalArgumentException("tensor " + name + ": shape and values must not be null");
        }
        shape = shape.clone();
        long count = elementCount(name, shape);
        if (count != values.length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape) + " holds "
                    + count + " elements but " + values.length + " values were given");
        }
    }

    /**
     * The number of elements a shape holds, checked to fit one Java array.
     *
     * @throws IllegalArgumentException for a negative dimension or more than {@code Integer.MAX_VALUE} elements
     */
    public static long elementCount(String name, long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("tensor " + name + ": negative dimension in shape "
                        + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape) + " holds "
                    + count + " elements, more than one Java array can");
        }
        return count;
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return values.length;
    }

    /** The same values under another name. */
    public NamedTensor renamed(String newName) {
        return new NamedTensor(newName, shape, values);
    }

    /**
     * The transpose of a matrix: {@code [rows, cols]} becomes {@code [cols, rows]}. TensorFlow and ONNX store dense
     * kernels as [in, out], PyTorch (and this project) as [out, in].
     *
     * @throws IllegalStateException if this tensor is not of rank 2
     */
    public NamedTensor transposed(String newName) {
        if (shape.length != 2) {
            throw new IllegalStateException("tensor " + name + " has shape " + Arrays.toString(shape)
                    + "; only a matrix can be transposed");
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[values.length];
        // blocked so that both the reads and the writes stay in cache for the 3072 x 768 kernels
        final int block = 64;
        for (int r0 = 0; r0 < rows; r0 += block) {
            int r1 = Math.min(rows, r0 + block);
            for (int c0 = 0; c0 < cols; c0 += block) {
                int c1 = Math.min(cols, c0 + block);
                for (int r = r0; r < r1; r++) {
                    int rowBase = r * cols;
                    for (int c = c0; c < c1; c++) {
                        out[c * rows + r] = values[rowBase + c];
                    }
                }
            }
        }
        return new NamedTensor(newName, new long[] {cols, rows}, out);
    }

    /** The shape as {@code [30522, 768]}, for messages. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NamedTensor[" + name + " " + shapeText() + "]";
    }
}
