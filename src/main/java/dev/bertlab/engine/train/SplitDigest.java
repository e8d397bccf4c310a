package dev.bertlab.engine.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a training split by its ids and gold values, in order: a checkpoint records it, and a resume on other
 * data is refused. The text of each gold value is hashed (a label as its integer, a target as Java prints a double),
 * so the digest of a split never changes between versions and old checkpoints stay resumable.
 */
final class SplitDigest {

    private SplitDigest() {
    }

    /** The SHA-256 of the split's (id, gold) pairs, in hexadecimal. */
    static String of(EncodedSplit split) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < split.size(); i++) {
                sha.update(split.ids().get(i).getBytes(StandardCharsets.UTF_8));
                String gold = split.isRegression() ? Double.toString(split.targets()[i])
                        : Integer.toString(split.labels()[i]);
                sha.update(gold.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
