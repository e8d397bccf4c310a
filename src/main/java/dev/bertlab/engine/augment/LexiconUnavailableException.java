package dev.bertlab.engine.augment;

/** The synonym lexicon cannot be read: its data is missing from the classpath or is not the expected data. */
public class LexiconUnavailableException extends RuntimeException {

    public LexiconUnavailableException(String message) {
        super(message);
    }

    public LexiconUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
