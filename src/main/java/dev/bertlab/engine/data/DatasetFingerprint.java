package dev.bertlab.engine.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 over a canonical serialization of a dataset's content, so a run can record exactly what it trained on.
 *
 * <p>The serialization is a sequence of fields: a string is its UTF-8 length as a 4-byte big-endian int followed by
 * its bytes (null: length -1, no bytes); an int is 4 bytes big-endian; a double is its IEEE 754 bits
 * ({@link Double#doubleToLongBits}, so NaN is canonical) as 8 bytes big-endian. In order: the string
 * {@code "bertlab-dataset-v1"}, the task name, the number of labels and each label name, then for each split in
 * {@link Split} order its id and example count, and for each example its id, text, text pair, label and target.
 * The dataset's name, display name and source are not content and are left out. {@code reference_fingerprints.py}
 * in the tests reimplements it.
 */
public final class DatasetFingerprint {

    private static final String VERSION = "bertlab-dataset-v1";

    private final MessageDigest digest;
    private final ByteBuffer scratch = ByteBuffer.allocate(8);

    private DatasetFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }

    /** The fingerprint of a dataset's content, as 64 lowercase hex digits. */
    public static String of(TaskType task, List<String> labelNames, Map<Split, List<Example>> splits) {
        DatasetFingerprint fingerprint = new DatasetFingerprint();
        fingerprint.putString(VERSION);
        fingerprint.putString(task.name());
        fingerprint.putInt(labelNames.size());
        labelNames.forEach(fingerprint::putString);
        for (Split split : Split.values()) {
            List<Example> examples = splits.getOrDefault(split, List.of());
            fingerprint.putString(split.id());
            fingerprint.putInt(examples.size());
            for (Example example : examples) {
                fingerprint.putString(example.id());
                fingerprint.putString(example.text());
                fingerprint.putString(example.textPair());
                fingerprint.putInt(example.label());
                fingerprint.putDouble(example.target());
            }
        }
        return HexFormat.of().formatHex(fingerprint.digest.digest());
    }

    private void putString(String value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        digest.update(bytes);
    }

    private void putInt(int value) {
        scratch.clear();
        scratch.putInt(value);
        digest.update(scratch.array(), 0, 4);
    }

    private void putDouble(double value) {
        scratch.clear();
        scratch.putLong(Double.doubleToLongBits(value));
        digest.update(scratch.array(), 0, 8);
    }
}
