package dev.bertlab.web.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of a feature API's controller advice: its errors as problem details (application/problem+json) with a
 * title and a detail that says what to change, in the wording every API shares. Spring's own errors (wrong method,
 * media type) come through {@link ResponseEntityExceptionHandler} as problem details too, and a body that cannot be
 * read answers as {@link MalformedBody} says, with the feature's field types and example body.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    private final String types;
    private final String example;

    /**
     * @param types what each field of a request body holds, said when one has the wrong type
     * @param example a body that would do, said when there is no body or not an object
     */
    protected ProblemAdvice(String types, String example) {
        this.types = types;
        this.example = example;
    }

    /** Bad JSON: say where and what, in the parser's words; a body over the limit: 413. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return MalformedBody.problem(e, types, example);
    }

    /** A problem with {@code status}, {@code title} and {@code detail}. */
    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** 400 "Invalid request": the request asks for something the API cannot do, {@code detail} says why. */
    protected static ProblemDetail invalidRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }
}
