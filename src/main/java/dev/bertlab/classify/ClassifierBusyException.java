package dev.bertlab.classify;

/** Too many classifications at once: the caller should try again after {@link #retryAfterSeconds()}. */
public class ClassifierBusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public ClassifierBusyException(int retryAfterSeconds) {
        super("the classifier is busy with other requests: try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
