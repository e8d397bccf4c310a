package dev.bertlab.classify;

/** A classification request that cannot be served as asked: no texts, an empty text, too many texts. */
public class InvalidClassificationException extends RuntimeException {

    public InvalidClassificationException(String message) {
        super(message);
    }
}
