package dev.bertlab.engine.train;

/** A run that cannot go on for a reason its user can act on (the message says which). */
public class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String message) {
        super(message);
    }

    public TrainingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
