package dev.bertlab.engine.pretrained;

/** A model name that is neither a registered base model nor a model directory. */
public class UnknownModelException extends IllegalArgumentException {

    public UnknownModelException(String message) {
        super(message);
    }
}
