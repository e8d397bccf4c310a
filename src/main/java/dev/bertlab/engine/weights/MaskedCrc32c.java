package dev.bertlab.engine.weights;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C as LevelDB and TensorFlow store it: rotated and offset ("masked") so that a CRC computed over bytes that
 * themselves contain CRCs does not degenerate.
 */
final class MaskedCrc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {
    }

    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /** The masked CRC32C of the buffer's remaining bytes; the buffer's position is left unchanged. */
    static int of(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate());
        return mask((int) crc.getValue());
    }

    /** The masked CRC32C of {@code length} bytes of {@code bytes} from {@code offset}. */
    static int of(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return mask((int) crc.getValue());
    }
}
