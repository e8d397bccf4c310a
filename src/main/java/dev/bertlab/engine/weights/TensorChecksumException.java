package dev.bertlab.engine.weights;

import java.nio.file.Path;

/** A tensor whose bytes do not match the checksum stored for it: the file is corrupt and should be fetched again. */
public class TensorChecksumException extends WeightFormatException {

    private final String tensorName;

    public TensorChecksumException(Path file, String tensorName, long expected, long actual) {
        super(file, String.format("tensor %s is corrupt: masked CRC32C of its bytes is 0x%08x, the index says 0x%08x;"
                + " delete the unpacked model so that it is unpacked again", tensorName, actual, expected));
        this.tensorName = tensorName;
    }

    public String tensorName() {
        return tensorName;
    }
}
