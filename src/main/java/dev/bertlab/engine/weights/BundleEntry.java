package dev.bertlab.engine.weights;

import java.util.Arrays;

/**
 * Where one tensor of a TensorFlow tensor bundle lies, as its {@code BundleEntryProto} in the index says.
 *
 * @param name the variable name, e.g. {@code module/bert/embeddings/word_embeddings}
 * @param dtype TensorFlow's {@code DataType} number (1 = float32)
 * @param shape the dimensions, outermost first
 * @param shardId which {@code .data-NNNNN-of-NNNNN} file holds the bytes
 * @param offset where the bytes start in that file
 * @param size how many bytes the tensor takes
 * @param maskedCrc32c the masked CRC32C of those bytes
 */
public record BundleEntry(String name, int dtype, long[] shape, int shardId, long offset, long size,
        int maskedCrc32c) {

    /** TensorFlow's {@code DT_FLOAT}. */
    public static final int DT_FLOAT = 1;

    public BundleEntry {
        shape = shape.clone();
    }

    /** TensorFlow's name of a {@code DataType} number, for messages. */
    public static String dtypeName(int dtype) {
        return switch (dtype) {
            case 1 -> "DT_FLOAT";
            case 2 -> "DT_DOUBLE";
            case 3 -> "DT_INT32";
            case 4 -> "DT_UINT8";
            case 5 -> "DT_INT16";
            case 6 -> "DT_INT8";
            case 7 -> "DT_STRING";
            case 9 -> "DT_INT64";
            case 10 -> "DT_BOOL";
            case 14 -> "DT_BFLOAT16";
            case 19 -> "DT_HALF";
            default -> "DataType " + dtype;
        };
    }

    @Override
    public String toString() {
        return "BundleEntry[" + name + " " + dtypeName(dtype) + " " + Arrays.toString(shape) + " shard " + shardId
                + " offset " + offset + " size " + size + "]";
    }
}
