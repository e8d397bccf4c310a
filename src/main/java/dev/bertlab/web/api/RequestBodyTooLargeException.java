package dev.bertlab.web.api;

/**
 * A request body over {@code bertlab.api.max-body-size}. Unchecked, so that it passes through Spring's converters
 * (which turn I/O errors into a 400) up to {@link ApiProblemFilter}, which answers 413. The JSON parser may wrap it
 * (then the advice's {@link MalformedBody} finds it among the causes), and it is left in the request's
 * {@value #ATTRIBUTE} attribute for whoever sends the error instead.
 */
public class RequestBodyTooLargeException extends RuntimeException {

    public static final String ATTRIBUTE = "dev.bertlab.web.api.RequestBodyTooLarge";

    public RequestBodyTooLargeException(String message) {
        super(message);
    }
}
