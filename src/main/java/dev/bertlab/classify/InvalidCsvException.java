package dev.bertlab.classify;

/** An uploaded file that cannot be scored: not CSV/TSV, no header, too large, a malformed line. */
public class InvalidCsvException extends RuntimeException {

    public InvalidCsvException(String message) {
        super(message);
    }

    public InvalidCsvException(String message, Throwable cause) {
        super(message, cause);
    }
}
