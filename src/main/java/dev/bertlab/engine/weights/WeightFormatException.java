package dev.bertlab.engine.weights;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A weight file that cannot be read as what it claims to be: truncated, malformed, corrupted or in a variant this
 * reader does not support. The message names the file, and where it helps the tensor and the byte offset.
 */
public class WeightFormatException extends IOException {

    public WeightFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public WeightFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
