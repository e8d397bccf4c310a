package dev.bertlab.classify.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.bertlab.classify.ClassifierBusyException;
import dev.bertlab.classify.InvalidClassificationException;
import dev.bertlab.classify.ModelNotFoundException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The classify API's errors as problem details (application/problem+json) whose detail says what to change.
 * Spring's own errors (wrong method, media type) come through the base class as problem details too.
 */
@RestControllerAdvice(assignableTypes = ClassifyController.class)
public class ClassifyProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ClassifyProblems.class);

    @ExceptionHandler(InvalidClassificationException.class)
    ProblemDetail invalid(InvalidClassificationException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
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

    /** Bad JSON: say where and what, in the parser's words. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                reason(e)));
    }

    static String reason(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "'" + field + "' has the wrong type (texts is a list of strings, model a string): "
                    + mapping.getOriginalMessage();
        }
        if (cause instanceof JsonProcessingException json) {
            return "the body is not valid JSON: " + json.getOriginalMessage() + location(json.getLocation());
        }
        return "the body must be JSON like {\"texts\": [\"a review\"], \"model\": \"demo\"}";
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
