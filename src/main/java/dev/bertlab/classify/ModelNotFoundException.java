package dev.bertlab.classify;

/** The model asked for is not a finished run with a model on disk, or no demo model has been chosen yet. */
public class ModelNotFoundException extends RuntimeException {

    public ModelNotFoundException(String message) {
        super(message);
    }
}
