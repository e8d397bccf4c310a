package dev.bertlab.classify.api;

import dev.bertlab.classify.ClassifierBusyException;
import dev.bertlab.classify.InvalidClassificationException;
import dev.bertlab.classify.ModelNotFoundException;
import dev.bertlab.web.api.ProblemAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The classify API's errors as problem details (application/problem+json) whose detail says what to change.
 * Spring's own errors (wrong method, media type) and unreadable bodies come through the base class as problem
 * details too.
 */
@RestControllerAdvice(assignableTypes = ClassifyController.class)
public class ClassifyProblems extends ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ClassifyProblems.class);

    public ClassifyProblems() {
        super("texts is a list of strings, model a string", "{\"texts\": [\"a review\"], \"model\": \"demo\"}");
    }

    @ExceptionHandler(InvalidClassificationException.class)
    ProblemDetail invalid(InvalidClassificationException e) {
        return invalidRequest(e.getMessage());
    }

    @ExceptionHandler(ModelNotFoundException.class)
    ProblemDetail unknownModel(ModelNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown model", e.getMessage());
    }

    @ExceptionHandler(ClassifierBusyException.class)
    ResponseEntity<ProblemDetail> busy(ClassifierBusyException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Busy", e.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail failed(IllegalStateException e) {
        log.warn("classification failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Classification failed", e.getMessage());
    }
}
